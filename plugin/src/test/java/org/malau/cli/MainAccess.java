package org.malau.cli;

import java.io.PrintStream;

/** Lets tests in other packages run the command line in-process, as {@code ./mal} would. */
public final class MainAccess {
    private MainAccess() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Main.run(args, out, err);
    }
}
