package org.malau.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the {@code ./mal} command line, e.g. {@code synth} or {@code align}. */
public interface Command {
    /** The word after {@code ./mal}. */
    String name();

    /** One line for the overview, e.g. {@code generate synthetic labelled faces}. */
    String summary();

    /** Full usage text with every option and its default. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @return the process exit code: 0 on success, 2 on a usage error, 1 on any other failure
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
