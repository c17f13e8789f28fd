package com.trustifi.onboarding.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The partner CLI: onboards a CSV of tenants through the partner API and reports how each one
 * ended. The API's URL and key come from the environment or the config file, never from arguments.
 */
@Command(name = "partner-cli", mixinStandardHelpOptions = true, version = "partner-cli 1.0",
        subcommands = {OnboardCommand.class, StatusCommand.class, ConnectCommand.class, RetryFailedCommand.class,
                DriftedCommand.class},
        description = "Onboards Microsoft 365 tenants onto the relay through the partner API.",
        footer = {"", "The API's URL and key are read from " + ApiSettings.URL_VARIABLE + " and " + ApiSettings.KEY_VARIABLE
                + ", or from api-url and api-key in ~/.config/trustifi-onboarding/config.properties (or --config FILE);"
                + " never from arguments.",
                "Exit codes: 0 all succeeded, 1 some failed, 2 usage or configuration error, 3 the API could not be reached."})
public final class PartnerCli implements Runnable {

    private final Map<String, String> environment;
    private final Path home;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock = Clock.systemUTC();

    @Spec
    private CommandSpec spec;

    // picocli sets option fields after construction, so they cannot be final
    @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "The config file (api-url, api-key); default ~/.config/trustifi-onboarding/config.properties")
    private Path configFile;

    private PartnerCli(Map<String, String> environment, Path home, PrintWriter out, PrintWriter err, boolean terminal) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // without a console, standard error is likely a log: progress goes there line by line
        System.exit(run(args, System.getenv(), Path.of(System.getProperty("user.home")), out, err, System.console() != null));
    }

    /** Runs one command as {@link #main} does, with the environment, home directory and streams given; returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, Path home, PrintWriter out, PrintWriter err, boolean terminal) {
        var cli = new PartnerCli(environment, home, out, err, terminal);
        var commandLine = new CommandLine(cli);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            err.println("error: " + withoutValues(problem));
            err.println("Run " + problem.getCommandLine().getCommandSpec().qualifiedName() + " --help for usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((problem, command, parsed) -> {
            err.println("error: " + (problem instanceof CliFailure ? problem.getMessage()
                    : "unexpected " + problem.getClass().getSimpleName() + ": " + problem.getMessage()));
            err.flush();
            return problem instanceof CliFailure failure ? failure.exitCode() : ExitCodes.UNAVAILABLE;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * picocli's message, except that no argument is echoed: one might be the API key, typed where
     * it does not belong, and output ends up in logs.
     */
    private static String withoutValues(ParameterException problem) {
        String hint = ". The API URL and key are read from " + ApiSettings.URL_VARIABLE + " and " + ApiSettings.KEY_VARIABLE
                + " or the config file, never from arguments";
        if (problem instanceof UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(argument -> argument.startsWith("-"))
                    .map(option -> option.contains("=") ? option.substring(0, option.indexOf('=')) : option).toList();
            long others = unmatched.getUnmatched().size() - options.size();
            String message = options.isEmpty() ? "" : "unknown option " + String.join(", ", options);
            if (others > 0) {
                message += (message.isEmpty() ? "" : "; ") + others + " unexpected argument(s), not shown";
            }
            return message + hint;
        }
        ArgSpec argument = problem.getArgSpec();
        if (argument != null && problem.getValue() != null) {
            String name = argument instanceof OptionSpec option ? option.longestName() : argument.paramLabel();
            return "the value given for " + name + " is not a valid " + argument.type().getSimpleName() + " (not shown)" + hint;
        }
        return problem.getMessage();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: onboard, status, connect or retry-failed");
    }

    OnboardingApi api() {
        Path file = configFile != null ? configFile : ApiSettings.defaultConfigFile(home);
        return new OnboardingApi(ApiSettings.load(environment, file, configFile != null, warning -> {
            err.println(warning);
            err.flush();
        }));
    }

    BatchOutcome outcome(OnboardingApi api, Duration pollInterval) {
        var follower = new BatchFollower(api, new ProgressDisplay(err, terminal), pollInterval, clock);
        return new BatchOutcome(api, follower, out, err);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }
}
