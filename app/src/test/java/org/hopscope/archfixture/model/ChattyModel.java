package org.hopscope.archfixture.model;

import java.io.PrintStream;

/**
 * Deliberate violations of "only the command line and the entry points write to standard streams"
 * (LayeringTest): a library class printing to stderr and dumping a stack trace. Its {@code main} is
 * an entry point and may hand the streams on.
 */
public final class ChattyModel {

  static void complain(Exception e) {
    System.err.println("something failed");
    e.printStackTrace();
  }

  static void hand(PrintStream out) {
    out.println("printed to what the entry point handed in");
  }

  public static void main(String[] args) {
    hand(System.out);
  }
}
