package com.trustifi.onboarding.worker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What an error answer of the admin API says, read from any of the shapes Exchange has been seen to send
 * (shared/docs/exchange-reference.md section 6):
 * <ul>
 *   <li>2026: {@code innererror.internalexception {message, type}}, {@code details[].message} "|Type|text" (sometimes absent),
 *       {@code error.message} always "Invalid Operation";</li>
 *   <li>2023: {@code details[].message} "ExNNNNNN|Type|text", {@code error.message} "Error executing cmdlet";</li>
 *   <li>not JSON at all: the concurrency refusal's raw text, a front end's HTML page, a 403 of NUL bytes.</li>
 * </ul>
 *
 * @param exceptionType the .NET exception type's full name, when the answer names one
 * @param text          the failure in Exchange's words, or a description of an answer that had none
 * @param rawText       whether the answer was plain text rather than JSON (the concurrency refusal is)
 */
public record ExchangeErrorEnvelope(Optional<String> exceptionType, String text, boolean rawText) {

    public static ExchangeErrorEnvelope read(int httpStatus, String body, String exceptionTypeHeader, ObjectMapper json) {
        Optional<String> headerType = Optional.ofNullable(exceptionTypeHeader).map(String::trim).filter(t -> !t.isEmpty());
        JsonNode error = parse(body, json).map(tree -> tree.path("error")).filter(JsonNode::isObject).orElse(null);
        if (error == null) {
            return raw(httpStatus, body, headerType);
        }
        JsonNode internal = field(error.path("innererror"), "internalexception");
        if (internal.path("message").isTextual() && !internal.path("message").asText().isBlank()) {
            Optional<String> type = textOf(internal.path("type")).or(() -> headerType);
            return new ExchangeErrorEnvelope(type, internal.path("message").asText(), false);
        }
        String detail = error.path("details").path(0).path("message").asText("");
        String[] parts = detail.split("\\|", 3);
        if (parts.length == 3 && !parts[2].isBlank()) {
            return new ExchangeErrorEnvelope(Optional.of(parts[1].trim()).filter(t -> !t.isEmpty()).or(() -> headerType), parts[2], false);
        }
        String message = error.path("message").asText("");
        return new ExchangeErrorEnvelope(headerType, message.isBlank() ? "HTTP " + httpStatus : message, false);
    }

    /** The type's last name segment, e.g. ManagementObjectNotFoundException, which is what classification compares. */
    public Optional<String> exceptionTypeName() {
        return exceptionType.map(type -> type.substring(type.lastIndexOf('.') + 1));
    }

    private static ExchangeErrorEnvelope raw(int httpStatus, String body, Optional<String> headerType) {
        // NUL bytes (the missing-role 403) and other control characters are not text anyone can read
        String printable = body == null ? "" : body.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").strip();
        if (printable.isEmpty()) {
            return new ExchangeErrorEnvelope(headerType, "Exchange Online answered HTTP " + httpStatus + " without an explanation", true);
        }
        if (printable.startsWith("<")) {
            return new ExchangeErrorEnvelope(headerType, "Exchange Online's front end answered HTTP " + httpStatus, true);
        }
        String firstLine = printable.lines().findFirst().orElse("");
        return new ExchangeErrorEnvelope(headerType, firstLine, true);
    }

    private static Optional<JsonNode> parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Exchange spells it internalexception (2026) and internalException (older docs): match either. */
    private static JsonNode field(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return object.path(name);
    }

    private static Optional<String> textOf(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().trim()) : Optional.empty();
    }
}
