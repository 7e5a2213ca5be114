package org.malau.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A {@code ./mal} command whose options are declared with picocli annotations on its fields: picocli
 * parses (typed values, unknown options and missing values refused) and writes the help; this class
 * turns picocli's errors into one line that names the option, what it expects and, for an unknown
 * option, the nearest valid one and the list of all. Adding an option is one annotated field.
 */
abstract class CliCommand implements Command {
    /** Runs the command after its fields were set from the command line. */
    abstract int call(PrintStream out, PrintStream err) throws Exception;

    @Override
    public final String name() {
        return spec().name();
    }

    @Override
    public final String usage() {
        return new CommandLine(this).getUsageMessage(Help.Ansi.OFF).stripTrailing();
    }

    private CommandLine.Model.CommandSpec spec() {
        return new CommandLine(this).getCommandSpec();
    }

    /**
     * Parses {@code args} into this command's fields and runs it. Nothing is thrown: a usage error prints one line
     * and returns 2, any other failure (an {@link Error} such as out-of-memory included) one line and 1.
     */
    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            parse(args);
            return call(out, err);
        } catch (Exception | Error e) {
            return Main.report(name(), e, err);
        }
    }

    /** Sets this command's fields from {@code args}. */
    final void parse(List<String> args) throws UsageException {
        CommandLine cl = new CommandLine(this);
        // A repeated option keeps its last value, as before picocli: scripts append overrides to a base command line.
        cl.setOverwrittenOptionsAllowed(true);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new UsageException(message(e));
        }
    }

    private static String message(ParameterException e) {
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        String valid = "valid options: " + spec.options().stream().map(OptionSpec::longestName).filter(n -> !n.equals("--help"))
            .collect(Collectors.joining(" "));
        if (e instanceof UnmatchedArgumentException u) {
            String arg = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            if (arg.startsWith("-")) {
                List<String> s = u.getSuggestions();
                return "unknown option " + arg + (s.isEmpty() ? "" : " (did you mean " + String.join(" or ", s) + "?)") + "; " + valid;
            }
            return "unexpected argument '" + arg + "'; options start with --; " + valid;
        }
        String m = String.valueOf(e.getMessage());
        ArgSpec a = e.getArgSpec();
        if (a == null && e instanceof MissingParameterException mp && !mp.getMissing().isEmpty()) {
            a = mp.getMissing().get(0);
        }
        String option = a instanceof OptionSpec o ? o.longestName() : a != null ? a.paramLabel()
            : m.replaceFirst("(?s).*option '([^']*)'.*", "$1");
        if (m.startsWith("Missing required parameter for option") || m.startsWith("Expected parameter for option")) {
            String found = m.startsWith("Expected") ? ", found the option " + m.replaceFirst(".*but found '(.*)'", "$1") : "";
            return option + " expects a value" + (a == null ? "" : " (" + a.paramLabel() + ")") + found;
        }
        if (m.startsWith("Missing required option")) {
            return m.replaceFirst("Missing required options?: ", "missing required option ").replace("'", "")
                .replaceAll("=[A-Z.|]+", "");
        }
        if (m.startsWith("Invalid value for option") && a != null) {
            return option + " expects " + kind(a.type()) + ", got '" + e.getValue() + "'";
        }
        if (m.contains("should be specified only once")) {
            return option + " is given more than once";
        }
        return m;
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() && type.getComponentType() == int.class) {
            return "comma-separated integers";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** Refuses {@code value} of {@code option} unless {@code ok}; the message names the allowed range. */
    static void check(boolean ok, String option, Object value, String range) throws UsageException {
        if (!ok) {
            throw new UsageException(option + " must be " + range + ", got " + value);
        }
    }

    /** {@code value} of an integer option, refused outside [lo, hi]. */
    static int between(String option, int value, int lo, int hi) throws UsageException {
        check(value >= lo && value <= hi, option, value, "between " + lo + " and " + hi);
        return value;
    }

    /** {@code value} of a real option, refused outside (lo, hi] ({@code lo} excluded) or when not finite. */
    static double above(String option, double value, double lo, double hi) throws UsageException {
        check(value > lo && value <= hi, option, value, "above " + num(lo) + " and at most " + num(hi));
        return value;
    }

    /** {@code value} of a real option, refused outside [lo, hi] or when not finite. */
    static double within(String option, double value, double lo, double hi) throws UsageException {
        check(value >= lo && value <= hi, option, value, "between " + num(lo) + " and " + num(hi));
        return value;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Worker threads, at most the processors this machine has ({@code zeroMeansAll}: 0 = all of them). */
    static int threads(String option, int value, boolean zeroMeansAll) throws UsageException {
        int cores = Runtime.getRuntime().availableProcessors();
        check(value >= (zeroMeansAll ? 0 : 1) && value <= cores, option, value, "between " + (zeroMeansAll ? "0 (all)" : "1")
            + " and " + cores + " (the processors of this machine)");
        return value == 0 ? cores : value;
    }
}
