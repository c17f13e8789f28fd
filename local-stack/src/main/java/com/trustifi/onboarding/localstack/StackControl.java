package com.trustifi.onboarding.localstack;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Lets a person at the running demo break and mend the stack, to watch it recover: one command a
 * line on standard input, such as {@code kill worker} or {@code start kafka}; and connect a demo
 * tenant without a browser at hand ({@code connect TENANT}).
 */
final class StackControl {

    static final String HELP = "Type 'kill worker|api|kafka', 'start worker|api|kafka', 'stop postgres' or 'start postgres' "
            + "and Enter to see the stack recover; 'connect TENANT' has the tenant's administrator accept the partner's "
            + "connect link in a headless browser";

    /** Has a tenant's administrator follow the partner's connect link, sign in and accept. */
    interface TenantConnector {
        void connect(String tenantId) throws Exception;

        /** Each demo tenant's administrator, in a browser that trusts the simulator, accepting the partner's link. */
        static TenantConnector administratorsOf(LocalStack stack, OnboardingApiClient api) {
            return tenantId -> api.connect(tenantId, stack.administratorBrowser(), stack.simulator().tenant(tenantId)
                    .orElseThrow(() -> new IllegalArgumentException("No demo tenant " + tenantId)).administrator());
        }
    }

    private final LocalStack stack;
    private final TenantConnector connector;
    private final Consumer<String> say;

    StackControl(LocalStack stack, TenantConnector connector, Consumer<String> say) {
        this.stack = stack;
        this.connector = connector;
        this.say = say;
    }

    /** Reads commands on a daemon thread until the input ends. */
    void listen(InputStream input) {
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        say.accept(apply(line.trim().toLowerCase(Locale.ROOT)));
                    }
                }
            } catch (Exception e) {
                say.accept("Stack control stopped: " + e.getMessage());
            }
        }, "stack-control");
        reader.setDaemon(true);
        reader.start();
    }

    /** Carries out one command; answers what happened. */
    String apply(String command) throws Exception {
        if (command.startsWith("connect ")) {
            String tenantId = command.substring("connect ".length()).trim();
            connector.connect(tenantId);
            return "Connected " + tenantId + ": its administrator signed in and accepted the connect link";
        }
        switch (command) {
            case "kill worker" -> stack.killWorker();
            case "start worker" -> stack.startWorker();
            case "kill api" -> stack.killApi();
            case "start api" -> stack.startApi();
            case "kill kafka" -> stack.killKafka();
            case "start kafka" -> stack.startKafka();
            case "stop postgres" -> stack.stopDatabase();
            case "start postgres" -> stack.startDatabase();
            default -> {
                return "Unknown command '" + command + "'. " + HELP;
            }
        }
        return "Done: " + command;
    }
}
