package dev.orderlistbot.binance;

import dev.orderlistbot.core.port.out.KeyPosture;

/**
 * {@code GET /sapi/v1/account/apiRestrictions}: what the signing key may do, e.g. {@code
 * {"ipRestrict":false,"createTime":1698645219000,"enableReading":true,"enableWithdrawals":false,
 * "enableInternalTransfer":false,"enableMargin":false,"enableFutures":false,
 * "permitsUniversalTransfer":false,"enableVanillaOptions":false,"enableSpotAndMarginTrading":true,
 * "tradingAuthorityExpirationTime":1628985600000}}. Only the flags the bot judges a key by are read;
 * an answer without {@code ipRestrict} or {@code enableWithdrawals} cannot be judged and is refused
 * as unreadable rather than read as "off".
 */
record RestrictionsJson(
    Boolean ipRestrict, Boolean enableWithdrawals, Boolean enableMargin, Boolean enableFutures, Boolean enableVanillaOptions) {

  KeyPosture toDomain() {
    if (ipRestrict == null || enableWithdrawals == null) {
      throw new IllegalStateException("apiRestrictions answered without ipRestrict or enableWithdrawals");
    }
    return new KeyPosture(
        ipRestrict, enableWithdrawals, Boolean.TRUE.equals(enableMargin), Boolean.TRUE.equals(enableFutures),
        Boolean.TRUE.equals(enableVanillaOptions));
  }
}
