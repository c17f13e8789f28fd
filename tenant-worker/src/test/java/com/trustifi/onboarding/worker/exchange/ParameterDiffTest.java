package com.trustifi.onboarding.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> desired = new LinkedHashMap<>(Map.of(
            "ConnectorType", "OnPremises",
            "UseMXRecord", false,
            "SmartHosts", List.of("smtp.trustifi.com"),
            "TlsDomain", "*.trustifi.com"));

    @Test
    void equalValuesCompareAsExchangeDoes() throws Exception {
        JsonNode actual = JSON.readTree("""
                {"ConnectorType":"onpremises","UseMXRecord":false,"SmartHosts":["SMTP.trustifi.com"],
                 "TlsDomain":"*.Trustifi.com","Comment":"not ours to manage"}""");

        assertThat(ParameterDiff.between(desired, actual)).isEmpty();
    }

    @Test
    void differencesNameTheParameterAndBothValues() throws Exception {
        JsonNode actual = JSON.readTree("""
                {"ConnectorType":"Partner","UseMXRecord":true,"SmartHosts":["smtp.trustifi.com","other.example"]}""");

        List<ParameterDiff.Change> changes = ParameterDiff.between(desired, actual);

        assertThat(changes).extracting(ParameterDiff.Change::toString).containsExactlyInAnyOrder(
                "ConnectorType: Partner -> OnPremises",
                "UseMXRecord: true -> false",
                "SmartHosts: [smtp.trustifi.com, other.example] -> [smtp.trustifi.com]",
                "TlsDomain: (none) -> *.trustifi.com");
        assertThat(ParameterDiff.changedParameters(desired, changes)).containsOnlyKeys(
                "ConnectorType", "UseMXRecord", "SmartHosts", "TlsDomain");
    }

    @Test
    void aBooleanWrittenAsTextIsADifference() throws Exception {
        assertThat(ParameterDiff.between(Map.of("UseMXRecord", false), JSON.readTree("{\"UseMXRecord\":\"False\"}")))
                .hasSize(1);
    }

    @Test
    void theRelaySecretNeverAppearsInAChange() throws Exception {
        List<ParameterDiff.Change> changes = ParameterDiff.between(Map.of("SetHeaderValue", "new-secret"),
                JSON.readTree("{\"SetHeaderValue\":\"old-secret\"}"));

        assertThat(ParameterDiff.summary(changes)).isEqualTo("SetHeaderValue: differs (value not shown)");
    }

    @Test
    void aDesiredNullMatchesAnAbsentOrEmptyValue() throws Exception {
        Map<String, Object> noScope = new LinkedHashMap<>();
        noScope.put("FromMemberOf", null);

        assertThat(ParameterDiff.between(noScope, JSON.readTree("{\"FromMemberOf\":[]}"))).isEmpty();
        assertThat(ParameterDiff.between(noScope, JSON.readTree("{\"FromMemberOf\":[\"pilot@contoso.example\"]}"))).hasSize(1);
    }

    @Test
    void getOutputShapesCompareEqualToTheDesiredValues() throws Exception {
        // Get-InboundConnector shows SenderDomains as address spaces; Get-TransportRule shows empty lists as null
        JsonNode inbound = JSON.readTree("""
                {"SenderDomains":["smtp:*;1"],"SenderIPAddresses":["3.93.243.176"]}""");
        JsonNode rule = JSON.readTree("""
                {"From":null,"FromMemberOf":null,"ExceptIfSenderIpRanges":["3.93.243.176"],"Priority@data.type":"#Int32","Priority":0}""");
        Map<String, Object> desiredRule = new LinkedHashMap<>();
        desiredRule.put("From", null);
        desiredRule.put("FromMemberOf", List.of());
        desiredRule.put("ExceptIfSenderIpRanges", List.of("3.93.243.176"));

        assertThat(ParameterDiff.between(Map.of("SenderDomains", List.of("*"), "SenderIPAddresses", List.of("3.93.243.176")), inbound))
                .isEmpty();
        assertThat(ParameterDiff.between(Map.of("SenderDomains", List.of("partner.example")), inbound))
                .extracting(ParameterDiff.Change::toString).containsExactly("SenderDomains: [smtp:*;1] -> [partner.example]");
        assertThat(ParameterDiff.between(desiredRule, rule)).isEmpty();
    }
}
