package com.trustifi.onboarding.worker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.PropertyDrift;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Compares desired cmdlet parameters with the object Exchange returned, the way Exchange compares
 * them: names and enum values without regard to case, multi-valued properties as sets, and a
 * desired null as "not set". Values of sensitive parameters never appear in a change's text.
 */
public final class ParameterDiff {

    /** Parameters whose values are secrets: the relay key travels as the rule's header value. */
    private static final Set<String> SENSITIVE = Set.of("SetHeaderValue");
    private static final String NOT_SHOWN = "(not shown)";
    private static final Pattern ADDRESS_SPACE = Pattern.compile("^(?i:smtp):(.*);\\d+$");

    /** One property whose actual value differs from the desired one. */
    public record Change(String parameter, String actual, String desired) {

        /** The change as a verify reports it on the wire: a secret's values are not shown, only that they differ. */
        public PropertyDrift driftOf(String object) {
            return SENSITIVE.contains(parameter)
                    ? new PropertyDrift(object, parameter, NOT_SHOWN, NOT_SHOWN)
                    : new PropertyDrift(object, parameter, desired, actual);
        }

        @Override
        public String toString() {
            return SENSITIVE.contains(parameter)
                    ? parameter + ": differs (value not shown)"
                    : parameter + ": " + actual + " -> " + desired;
        }
    }

    private ParameterDiff() {
    }

    public static List<Change> between(Map<String, ?> desired, JsonNode actual) {
        List<Change> changes = new ArrayList<>();
        desired.forEach((parameter, value) -> {
            JsonNode current = actual.path(parameter);
            if (!matches(value, current)) {
                changes.add(new Change(parameter, describe(current), describe(value)));
            }
        });
        return changes;
    }

    /** Only the parameters that differ, ready to pass to a Set- cmdlet. */
    public static Map<String, Object> changedParameters(Map<String, ?> desired, List<Change> changes) {
        Map<String, Object> changed = new LinkedHashMap<>();
        changes.forEach(change -> changed.put(change.parameter(), desired.get(change.parameter())));
        return changed;
    }

    public static boolean isSensitive(String parameter) {
        return SENSITIVE.contains(parameter);
    }

    public static String summary(List<Change> changes) {
        return changes.stream().map(Change::toString).collect(Collectors.joining("; "));
    }

    private static boolean matches(Object desired, JsonNode actual) {
        if (desired == null) {
            return textValues(actual).isEmpty();
        }
        if (desired instanceof Boolean flag) {
            return actual.isBoolean() && actual.booleanValue() == flag;
        }
        if (desired instanceof Collection<?> values) {
            return normalized(values.stream().map(String::valueOf).toList()).equals(normalized(textValues(actual)));
        }
        if (desired instanceof Number number) {
            return actual.isNumber() && actual.asLong() == number.longValue();
        }
        return actual.isValueNode() && !actual.isNull() && actual.asText().equalsIgnoreCase(String.valueOf(desired));
    }

    private static List<String> textValues(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
        }
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? List.of() : List.of(node.asText());
    }

    /**
     * Case-insensitive, and address spaces as plain domains: Get-InboundConnector shows SenderDomains {@code *} as
     * {@code smtp:*;1} (type prefix and cost).
     */
    private static Set<String> normalized(List<String> values) {
        return values.stream()
                .map(value -> ADDRESS_SPACE.matcher(value.trim()).replaceFirst("$1").toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(Object value) {
        if (value instanceof JsonNode node) {
            return node.isMissingNode() || node.isNull() ? "(none)" : node.isArray() ? textValues(node).toString() : node.asText();
        }
        return value == null ? "(none)" : String.valueOf(value);
    }
}
