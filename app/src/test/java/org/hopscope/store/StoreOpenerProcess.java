package org.hopscope.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The child process of {@link StoreOpenRaceTest}: warms up (creates, migrates and closes a scratch
 * store, its second argument, so classes are loaded and the code is warm), prints {@code ready},
 * waits for a line on stdin (the start signal, sent to every child at once), then opens the store
 * file given as its first argument: the opens of all children then take milliseconds and overlap.
 * Prints {@code opened v<schema version>} and each warning as {@code warning <text>}, exit 0; on a
 * {@link StoreException} its message on stderr, exit 1.
 */
public final class StoreOpenerProcess {

  private StoreOpenerProcess() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    IncidentDatabase.open(Path.of(args[1]), Clock.systemUTC()).close();
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    try (IncidentDatabase db = IncidentDatabase.open(file, Clock.systemUTC())) {
      System.out.println("opened v" + db.read(Migrations::userVersion));
      db.warnings().forEach(w -> System.out.println("warning " + w));
    } catch (StoreException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
