package com.trustifi.onboarding.simulator.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameters of Microsoft's cmdlet reference that the simulator stores and shows but does not act on: a rule's
 * SetSCL, a connector's EFSkipIPs. Each has the value type the reference documents, so a wrong value is refused as
 * Exchange would refuse it, and each comes back from Get- under its own name.
 */
final class DocumentedParameters {

    private enum Kind { TEXT, TEXTS, FLAG, NUMBER, CHOICE }

    private record Declared(Kind kind, List<String> choices) {
    }

    private final Map<String, Declared> declared = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Declaration order, for output. */
    private final List<String> names = new ArrayList<>();

    DocumentedParameters texts(String... parameterNames) {
        return add(Kind.TEXTS, List.of(), parameterNames);
    }

    DocumentedParameters text(String... parameterNames) {
        return add(Kind.TEXT, List.of(), parameterNames);
    }

    DocumentedParameters flags(String... parameterNames) {
        return add(Kind.FLAG, List.of(), parameterNames);
    }

    DocumentedParameters numbers(String... parameterNames) {
        return add(Kind.NUMBER, List.of(), parameterNames);
    }

    DocumentedParameters choice(String parameterName, String... values) {
        return add(Kind.CHOICE, List.of(values), parameterName);
    }

    private DocumentedParameters add(Kind kind, List<String> choices, String... parameterNames) {
        for (String name : parameterNames) {
            declared.put(name, new Declared(kind, choices));
            names.add(name);
        }
        return this;
    }

    List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** {@code base} with the passed parameters overlaid; a null or empty value clears the property. */
    Map<String, Object> bind(CmdletParameters p, Map<String, Object> base) {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(base);
        for (String name : names) {
            if (!p.has(name)) {
                continue;
            }
            Object value = switch (declared.get(name).kind()) {
                case TEXTS -> p.strings(name).isEmpty() ? null : p.strings(name);
                case TEXT -> p.string(name);
                // a false flag is stored as absent: it is neither a condition nor an action of the rule
                case FLAG -> Boolean.TRUE.equals(p.optionalBool(name)) ? Boolean.TRUE : null;
                case NUMBER -> p.string(name) == null ? null : p.integer(name);
                case CHOICE -> choice(p, name);
            };
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private String choice(CmdletParameters p, String name) {
        String given = p.string(name);
        if (given == null) {
            return null;
        }
        List<String> choices = declared.get(name).choices();
        return choices.stream().filter(c -> c.equalsIgnoreCase(given.trim())).findFirst()
                .orElseThrow(() -> CmdletException.cannotConvert(name, given, "System.Enum",
                        "Unable to match the identifier name " + given + " to a valid enumerator name. "
                                + "Specify one of the following enumerator names and try again: " + String.join(", ", choices)));
    }

    /** Every declared property into a Get- object, empty ones as {@code emptyValue}. */
    void writeTo(Map<String, Object> object, Map<String, Object> values, Object emptyValue) {
        for (String name : names) {
            Object value = values.get(name);
            if (value == null && declared.get(name).kind() == Kind.FLAG) {
                value = false;
            }
            object.put(name, value == null ? emptyValue : value);
        }
    }

    /** The declared names that have a value, in declaration order. */
    List<String> present(Map<String, Object> values) {
        return names.stream().filter(values::containsKey).toList();
    }
}
