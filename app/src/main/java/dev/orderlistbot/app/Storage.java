package dev.orderlistbot.app;

import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.db.Database;

/** The opened database and key vault; closing it closes the database. */
record Storage(Database database, AesGcmKeyVault vault) implements AutoCloseable {
  @Override
  public void close() {
    database.close();
  }
}
