package dev.orderlistbot.app;

import dev.orderlistbot.core.engine.InstanceLeases;

/** Where work tied to this instance's leases is registered (the Discord gateway, the accounts' streams). */
interface LeaseTicks {
  /** This instance's leases. */
  InstanceLeases leases();

  /** Runs {@code work} after every renewal of the leases (every 5 s, on a worker), from the next on. */
  void afterEveryTick(Runnable work);

  /** Runs {@code work} at a clean stop, before the leases are given up (so no other instance starts it early). */
  void beforeRelease(Runnable work);
}
