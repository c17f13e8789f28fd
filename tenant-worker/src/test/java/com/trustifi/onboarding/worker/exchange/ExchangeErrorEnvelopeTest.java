package com.trustifi.onboarding.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Bodies in the shapes of shared/docs/exchange-reference.md section 6 (2023 and 2026 captures), and the answers that are not JSON. */
class ExchangeErrorEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ENVELOPE_2026 = """
            {"error":{"code":"BadRequest","message":"Invalid Operation","details":[{"code":"Client","target":"",
            "message":"|Microsoft.Exchange.AdminApi.CommandInvocation.AmbiguousParameterSetException|Parameter set cannot be resolved \
            using the specified named parameters. Invalid cmdlet parameters specified. Bogus"}],"innererror":{"message":"Invalid Operation",
            "type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException","stacktrace":"","internalexception":{"message":
            "Parameter set cannot be resolved using the specified named parameters. Invalid cmdlet parameters specified. Bogus",
            "type":"Microsoft.Exchange.AdminApi.CommandInvocation.AmbiguousParameterSetException","stacktrace":""}}}}""";

    private static final String ENVELOPE_2026_WITHOUT_DETAILS = """
            {"error":{"code":"BadRequest","message":"Invalid Operation","innererror":{"message":"Invalid Operation",
            "type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException","internalexception":{"message":
            "Cannot process argument transformation on parameter 'TlsSettings'. Cannot convert value \\"Strict\\"",
            "type":"Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException"}}}}""";

    private static final String ENVELOPE_2023 = """
            {"error":{"code":"NotFound","message":"Error executing cmdlet","details":[{"code":"Context","target":"",
            "message":"Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be \
            performed because object 'x' couldn't be found on 'AB1PR01DC001.PROD.OUTLOOK.COM'."}],"innererror":{"message":
            "Error executing cmdlet","type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException"}}}""";

    @Test
    void envelope2026ReadsTheInternalException() {
        ExchangeErrorEnvelope read = ExchangeErrorEnvelope.read(400, ENVELOPE_2026, null, JSON);

        assertThat(read.exceptionTypeName()).contains("AmbiguousParameterSetException");
        assertThat(read.text()).isEqualTo("Parameter set cannot be resolved using the specified named parameters. "
                + "Invalid cmdlet parameters specified. Bogus");
        assertThat(read.rawText()).isFalse();
    }

    @Test
    void envelope2026WithoutDetailsStillNamesTheType() {
        ExchangeErrorEnvelope read = ExchangeErrorEnvelope.read(400, ENVELOPE_2026_WITHOUT_DETAILS, null, JSON);

        assertThat(read.exceptionTypeName()).contains("ParameterTransformationException");
        assertThat(read.text()).startsWith("Cannot process argument transformation on parameter 'TlsSettings'");
    }

    @Test
    void envelope2023SplitsTheDetailsMessage() {
        ExchangeErrorEnvelope read = ExchangeErrorEnvelope.read(404, ENVELOPE_2023, null, JSON);

        assertThat(read.exceptionType()).contains("Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException");
        assertThat(read.exceptionTypeName()).contains("ManagementObjectNotFoundException");
        assertThat(read.text()).startsWith("The operation couldn't be performed because object 'x' couldn't be found");
    }

    @Test
    void detailsWithoutCodeAndOlderInternalExceptionSpellingAreRead() {
        String details = "{\"error\":{\"message\":\"Invalid Operation\",\"details\":[{\"message\":\"|System.ArgumentException|Bad value\"}]}}";
        String camelCase = "{\"error\":{\"message\":\"x\",\"innererror\":{\"internalException\":{\"message\":\"Inner text\"}}}}";

        assertThat(ExchangeErrorEnvelope.read(400, details, null, JSON).exceptionTypeName()).contains("ArgumentException");
        assertThat(ExchangeErrorEnvelope.read(400, details, null, JSON).text()).isEqualTo("Bad value");
        ExchangeErrorEnvelope inner = ExchangeErrorEnvelope.read(400, camelCase, "System.InvalidOperationException", JSON);
        assertThat(inner.text()).isEqualTo("Inner text");
        assertThat(inner.exceptionTypeName()).as("from X-ExceptionType when the body names none").contains("InvalidOperationException");
    }

    @Test
    void messageOnlyEnvelopeKeepsTheMessage() {
        ExchangeErrorEnvelope read = ExchangeErrorEnvelope.read(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid Operation\"}}",
                null, JSON);

        assertThat(read.text()).isEqualTo("Invalid Operation");
        assertThat(read.exceptionType()).isEmpty();
    }

    @Test
    void rawTextNulBytesAndHtmlAreNotJson() {
        ExchangeErrorEnvelope concurrency = ExchangeErrorEnvelope.read(429,
                "You have reached the maximum number of concurrent requests per tenant. Please wait and try again.", null, JSON);
        ExchangeErrorEnvelope nul = ExchangeErrorEnvelope.read(403, "\0".repeat(512), null, JSON);
        ExchangeErrorEnvelope html = ExchangeErrorEnvelope.read(503, "<html><body>Service Unavailable</body></html>", null, JSON);

        assertThat(concurrency.rawText()).isTrue();
        assertThat(concurrency.text()).startsWith("You have reached the maximum number of concurrent requests per tenant");
        assertThat(nul.text()).isEqualTo("Exchange Online answered HTTP 403 without an explanation").doesNotContain("\0");
        assertThat(html.text()).isEqualTo("Exchange Online's front end answered HTTP 503");
    }
}
