package com.trustifi.onboarding.worker.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.model.RelayProfile;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.CmdletException;
import com.trustifi.onboarding.worker.exchange.ParameterDiff;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant that already holds a connector of the relay's name, in a state Exchange validates against what the relay
 * profile wants: converging changes the conflicting parameter in the same Set- call, which Exchange (here the
 * simulator's validation of the resulting object) accepts; the desired parameters alone it refuses. One case per pair.
 */
class OutboundConnectorConflictsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static ExchangeOnlineSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(state));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("IsTransportRuleScoped against RecipientDomains", RelayProfile.OLDER_TENANT,
                        Map.of("IsTransportRuleScoped", false, "RecipientDomains", List.of("partner.example"))),
                Arguments.of("IsTransportRuleScoped against AllAcceptedDomains", RelayProfile.OLDER_TENANT,
                        Map.of("IsTransportRuleScoped", false, "AllAcceptedDomains", true)),
                Arguments.of("Partner type against RouteAllMessagesViaOnPremises", RelayProfile.ALL_TENANTS,
                        Map.of("RouteAllMessagesViaOnPremises", true)),
                Arguments.of("Partner type against CloudServicesMailEnabled", RelayProfile.ALL_TENANTS,
                        Map.of("CloudServicesMailEnabled", true)),
                Arguments.of("Partner type against SenderRewritingEnabled", RelayProfile.ALL_TENANTS,
                        Map.of("SenderRewritingEnabled", true)),
                Arguments.of("Partner type and rule scoping against AllAcceptedDomains", RelayProfile.ALL_TENANTS,
                        Map.of("IsTransportRuleScoped", false, "AllAcceptedDomains", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void theConflictingParameterChangesInTheSameCall(String pair, RelayProfile profile, Map<String, Object> conflicting) {
        String tenant = newTenant();
        String name = profile.outboundConnectorName();
        Map<String, Object> existing = new LinkedHashMap<>(Map.of("Name", name, "ConnectorType", "OnPremises", "UseMXRecord", false,
                "SmartHosts", List.of("mail.partner.example"), "IsTransportRuleScoped", true));
        existing.putAll(conflicting);
        simulator.invokeAsAdmin(tenant, "New-OutboundConnector", existing);
        JsonNode before = read(tenant, name);
        Map<String, Object> desired = OutboundConnectorStep.desiredSettings(profile);
        Map<String, Object> withoutClearing = new LinkedHashMap<>(desired);
        withoutClearing.remove("RecipientDomains");

        assertThatThrownBy(() -> set(tenant, name, withoutClearing, before)).as("the profile's parameters alone")
                .isInstanceOf(CmdletException.class);
        set(tenant, name, OutboundConnectorStep.withConflictsResolved(desired, Optional.of(before)), before);

        assertThat(ParameterDiff.between(desired, read(tenant, name))).as("converged").isEmpty();
    }

    private static void set(String tenant, String name, Map<String, Object> desired, JsonNode actual) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Identity", name);
        parameters.putAll(ParameterDiff.changedParameters(desired, ParameterDiff.between(desired, actual)));
        simulator.invokeAsAdmin(tenant, "Set-OutboundConnector", parameters);
    }

    private static JsonNode read(String tenant, String name) {
        return JSON.valueToTree(simulator.invokeAsAdmin(tenant, "Get-OutboundConnector", Map.of("Identity", name)).get(0));
    }

    private static String newTenant() {
        String id = UUID.randomUUID().toString();
        simulator.createTenant(new TenantSpec(id, "c" + id.substring(0, 8) + ".onmicrosoft.com", "Conflicts",
                OffsetDateTime.parse("2021-01-01T00:00:00Z"), List.of(), false, List.of()));
        return id;
    }
}
