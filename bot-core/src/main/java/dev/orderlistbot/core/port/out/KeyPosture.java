package dev.orderlistbot.core.port.out;

/**
 * What an API key may do beyond trading Spot, as the exchange reports it (Binance: {@code GET
 * /sapi/v1/account/apiRestrictions}). Only what the bot judges a key by is kept; nothing in it is
 * secret.
 *
 * @param ipRestricted the key works only from the IP addresses whitelisted for it
 * @param withdrawalsEnabled the key can withdraw funds (Binance allows that only with an IP whitelist)
 * @param marginEnabled the key can trade on margin
 * @param futuresEnabled the key can trade futures
 * @param optionsEnabled the key can trade European (vanilla) options
 */
public record KeyPosture(
    boolean ipRestricted, boolean withdrawalsEnabled, boolean marginEnabled, boolean futuresEnabled, boolean optionsEnabled) {

  /** A key that can do nothing but trade Spot, from whitelisted IP addresses only. */
  public static final KeyPosture SPOT_ONLY_FROM_WHITELISTED_IPS = new KeyPosture(true, false, false, false, false);

  /** Whether the key can trade anything but Spot: margin, futures or options. */
  public boolean tradesBeyondSpot() {
    return marginEnabled || futuresEnabled || optionsEnabled;
  }
}
