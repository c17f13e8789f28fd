package com.trustifi.onboarding.simulator.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code Parameters} object of one InvokeCommand call, bound the way PowerShell binds:
 * names case-insensitive, enum values case-insensitive, a single string accepted where a list is expected.
 */
public final class CmdletParameters {

    /** Only converts plain maps, lists and scalars to trees; needs no configuration. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private final Map<String, JsonNode> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private CmdletParameters() {
    }

    public static CmdletParameters from(JsonNode parameters) {
        CmdletParameters bound = new CmdletParameters();
        if (parameters != null && parameters.isObject()) {
            parameters.properties().forEach(field -> bound.values.put(field.getKey(), field.getValue()));
        }
        return bound;
    }

    /** Parameters given from Java (seeded configuration, administrator edits), bound exactly like JSON ones. */
    public static CmdletParameters of(Map<String, ?> parameters) {
        return from(TREES.valueToTree(parameters == null ? Map.of() : parameters));
    }

    /** Rejects parameters the cmdlet does not declare, naming them as the admin API does. */
    public void requireDeclared(Set<String> declared) {
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(declared);
        List<String> unknown = values.keySet().stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw CmdletException.unknownParameters(unknown);
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A mandatory string: absent, null or blank all fail like a missing mandatory parameter. */
    public String requiredString(String name) {
        String value = has(name) ? string(name) : null;
        if (value == null || value.isBlank()) {
            throw CmdletException.missingMandatory(name);
        }
        return value;
    }

    /** A string parameter; JSON null clears it. */
    public String string(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw CmdletException.cannotConvert(name, shown(node), "System.String", "Specified method is not supported.");
        }
        return node.asText();
    }

    public boolean bool(String name) {
        JsonNode node = values.get(name);
        if (node == null || !node.isBoolean()) {
            throw CmdletException.cannotConvert(name, shown(node), "System.Boolean",
                    "Cannot convert value to type System.Boolean. Boolean parameters accept only Boolean values.");
        }
        return node.booleanValue();
    }

    /** A nullable Boolean such as TNEFEnabled, where JSON null means "not set". */
    public Boolean optionalBool(String name) {
        JsonNode node = values.get(name);
        return node == null || node.isNull() ? null : bool(name);
    }

    /** An Int32 parameter; a numeric string converts as PowerShell would convert it. */
    public int integer(String name) {
        JsonNode node = values.get(name);
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node != null && node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().trim());
            } catch (NumberFormatException ignored) {
                // Falls through to PowerShell's conversion error below.
            }
        }
        throw CmdletException.cannotConvert(name, shown(node), "System.Int32", "Input string was not in a correct format.");
    }

    /** A multi-valued parameter: a JSON array, a single string, or null for empty. */
    public List<String> strings(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> list = new ArrayList<>();
            for (JsonNode element : node) {
                if (element.isContainerNode() || element.isNull()) {
                    throw CmdletException.cannotConvert(name, shown(node), "System.String[]", "Only strings are accepted.");
                }
                list.add(element.asText());
            }
            return List.copyOf(list);
        }
        if (node.isObject()) {
            throw CmdletException.cannotConvert(name, shown(node), "System.String[]", "Only strings are accepted.");
        }
        return List.of(node.asText());
    }

    /** An enum parameter that may be cleared with JSON null. */
    public <E extends Enum<E>> E optionalEnum(String name, Class<E> type, String dotNetType) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return enumValue(name, type, dotNetType);
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, String dotNetType) {
        JsonNode node = values.get(name);
        String text = node == null || node.isNull() ? "" : node.asText();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw CmdletException.cannotConvert(name, text, dotNetType,
                "Unable to match the identifier name " + text + " to a valid enumerator name. "
                        + "Specify one of the following enumerator names and try again: " + allowed);
    }

    /** A value as PowerShell would echo it in an error: strings unquoted, anything else as JSON. */
    private static String shown(JsonNode node) {
        if (node == null) {
            return "";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
