package com.trustifi.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class DriftedCommandTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aFieldWithACommaOrAQuoteIsQuotedAndAMissingOneIsEmpty() {
        assertThat(DriftedCommand.line(JSON.textNode("t1"), JSON.textNode("Trustifi Inbound Connector (Receive)"),
                JSON.textNode("SenderIPAddresses"), JSON.textNode("3.93.243.176, 52.73.143.252"), JSON.textNode("say \"hi\""),
                JSON.nullNode(), MissingNode.getInstance()))
                .isEqualTo("t1,Trustifi Inbound Connector (Receive),SenderIPAddresses,\"3.93.243.176, 52.73.143.252\",\"say \"\"hi\"\"\",,");
    }
}
