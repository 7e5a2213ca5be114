package org.malau.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code ./mal}: dispatches to one {@link Command} per sub-command. */
public final class Main {
    private Main() {
    }

    /** Every sub-command, in the order the overview lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command c : List.<Command>of(new DemoCommand(), new SynthCommand(), new AlignCommand(), new TrainCommand(), new PredictCommand(),
            new ScoreCommand(), new SelfCheckCommand())) {
            commands.put(c.name(), c);
        }
        return commands;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line and returns its exit code (0 ok, 1 failure, 2 usage error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            if (args.length > 2) {
                err.println("mal help: expected at most one command name, got " + Arrays.asList(args).subList(1, args.length));
                return 2;
            }
            if (args.length == 2) {
                Command c = commands.get(args[1]);
                if (c == null) {
                    err.println("mal help: unknown command '" + args[1] + "'");
                    printOverview(commands, err);
                    return 2;
                }
                out.println(c.usage());
                return 0;
            }
            printOverview(commands, args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("mal: unknown command '" + args[0] + "'");
            printOverview(commands, err);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage());
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (Exception | Error e) {
            return report(command.name(), e, err);
        }
    }

    /** Prints what went wrong in one line (no stack trace unless MAL_DEBUG is set) and returns the exit code. */
    static int report(String command, Throwable e, PrintStream err) {
        if (e instanceof UsageException) {
            err.println("mal " + command + ": " + e.getMessage());
            err.println("run './mal " + command + " --help' for the options");
            return 2;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("mal " + command + ": out of memory (" + e.getMessage() + "); the input is larger than this JVM's"
                + " heap allows: use smaller images or batches, or give Java more memory (MAL_JAVA_OPTS=-Xmx8g ./mal ...)");
        } else if (e instanceof Error) {
            // Whatever got this far is reported in one line, not as a stack trace; MAL_DEBUG shows the trace.
            err.println("mal " + command + ": internal error: " + describe(e));
        } else {
            err.println("mal " + command + ": " + describe(e));
        }
        if (System.getenv("MAL_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return 1;
    }

    /**
     * One line saying what went wrong with what: the JDK's file errors carry only the path as their message, so
     * the reason is added here.
     */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + ": not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason().equals("Is a directory") ? "is a folder, expected a file" : f.getReason();
            return f.getFile() + ": " + reason;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void printOverview(Map<String, Command> commands, PrintStream out) {
        out.println("usage: ./mal <command> [options]   (./mal help <command> for its options)");
        out.println();
        for (Command c : commands.values()) {
            out.printf("  %-10s %s%n", c.name(), c.summary());
        }
    }
}
