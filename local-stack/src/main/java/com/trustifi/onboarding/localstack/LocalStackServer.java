package com.trustifi.onboarding.localstack;

import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.DemoTenants;
import com.trustifi.onboarding.simulator.DirectoryUser;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./run-local-stack serve}: the whole stack on fixed ports (API 8080, simulator 8443 unless
 * told otherwise), a demo partner and N demo tenants that no administrator has connected yet, and
 * everything a person needs to try the API by hand. It stays up until Ctrl-C, which stops all it started.
 */
final class LocalStackServer {

    private LocalStackServer() {
    }

    /** {@code args}: {@code --tenants N}, {@code --api-port P}, {@code --simulator-port P}, {@code --traces}. */
    static void serve(List<String> args) throws Exception {
        int tenants = option(args, "--tenants", 3);
        var ports = new LocalStack.Ports(option(args, "--api-port", 8080), option(args, "--simulator-port", 8443));
        Path work = Files.createTempDirectory("tenant-onboarding-local-stack");
        say("Starting the local stack in " + work + " ...");
        // closed by the stack's own shutdown hook on Ctrl-C
        LocalStack.Settings settings = LocalStack.Settings.DEFAULTS.withPorts(ports);
        LocalStack stack = LocalStack.start(ProjectLayout.find(), work, args.contains("--traces") ? settings.withTraces() : settings);
        var api = new OnboardingApiClient(stack.apiBaseUri());
        api.signUpPartner(stack.operatorKey(), "Local partner");
        say("");
        say("onboarding-api:  " + stack.apiBaseUri() + "   Swagger UI: " + stack.apiBaseUri().resolve("/q/swagger-ui"));
        say("simulator:       " + stack.simulator().baseUri() + "   (certificate: " + stack.simulator().trustStore().getParent()
                .resolve("exchange-simulator-certificate.pem") + ")");
        say("service logs:    " + stack.logDirectory());
        say("service JDK:     " + ServiceJdk.describe());
        stack.traces().ifPresent(traces -> say("traces:          " + traces.file() + "   (one JSON line per span; "
                + "X-Trace-Id in every answer names its trace)"));
        say("operator key:    " + stack.operatorKey() + "   (X-Operator-Key)");
        say("");
        say("Demo tenants, not connected yet (each link works once, for an hour):");
        String firstTenant = null;
        String firstDomain = null;
        String firstAdministrator = null;
        for (TenantSpec spec : DemoTenants.specs(tenants)) {
            SimulatedTenant tenant = stack.simulator().createTenant(spec);
            tenant.appConsent(AppConsent.NEVER_GRANTED);
            String domain = spec.domains().stream().map(DomainSpec::name).findFirst().orElseThrow();
            URI link = api.connectLink(tenant.tenantId());
            say("  " + tenant.tenantId() + "  " + domain + "  (" + tenant.displayName() + ")");
            say("    its administrator opens this link in a browser, signs in as " + tenant.administrator() + " (password "
                    + DirectoryUser.DEFAULT_PASSWORD + ") and accepts: " + link);
            if (firstTenant == null) {
                firstTenant = tenant.tenantId();
                firstDomain = domain;
                firstAdministrator = tenant.administrator();
            }
        }
        say("");
        say("For the README's curl examples, in another shell:");
        say("  export OPERATOR_KEY=" + stack.operatorKey() + " API_KEY=" + api.apiKey() + " TENANT=" + firstTenant
                + " DOMAIN=" + firstDomain + " ADMIN=" + firstAdministrator + " SIMULATOR=" + stack.simulator().baseUri());
        say("");
        say(StackControl.HELP + "; Ctrl-C stops everything.");
        new StackControl(stack, StackControl.TenantConnector.administratorsOf(stack, api), LocalStackServer::say).listen(System.in);
        Thread.currentThread().join();
    }

    private static int option(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        return Integer.parseInt(args.get(at + 1));
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
