package org.malau.cli;

import java.io.PrintStream;
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
            if (args.length > 1 && commands.containsKey(args[1])) {
                out.println(commands.get(args[1]).usage());
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
        } catch (UsageException e) {
            err.println("mal " + command.name() + ": " + e.getMessage());
            err.println("run './mal " + command.name() + " --help' for the options");
            return 2;
        } catch (Exception e) {
            err.println("mal " + command.name() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("MAL_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static void printOverview(Map<String, Command> commands, PrintStream out) {
        out.println("usage: ./mal <command> [options]   (./mal help <command> for its options)");
        out.println();
        for (Command c : commands.values()) {
            out.printf("  %-10s %s%n", c.name(), c.summary());
        }
    }
}
