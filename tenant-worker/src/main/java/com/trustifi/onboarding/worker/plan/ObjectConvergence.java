package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import com.trustifi.onboarding.worker.exchange.ParameterDiff;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way the plan changes Exchange: converges one named object to its {@link DesiredState}. Read it, compare,
 * write only what differs (create it, set the differing parameters, or remove it), then read it back and believe only
 * that. In PLAN and VERIFY modes it only reports. Objects are found by listing, never by asking for one by name, so a
 * failed read is a failure and never taken for "absent".
 */
@ApplicationScoped
public class ObjectConvergence {

    private final ExchangeAdminClient exchange;

    ObjectConvergence(ExchangeAdminClient exchange) {
        this.exchange = exchange;
    }

    /** The object, as this command last read it: from Exchange the first time, and after every write of its kind. */
    public Optional<JsonNode> find(StepContext context, ExchangeObjectKind kind, String name) {
        return list(context, kind).stream()
                .filter(object -> name.equalsIgnoreCase(object.path("Name").asText()))
                .findFirst();
    }

    public List<JsonNode> list(StepContext context, ExchangeObjectKind kind) {
        return context.reads().list(kind, () -> exchange.invoke(context.tenantId(), kind.get(), Map.of()));
    }

    /**
     * @param label how the step's detail names the object, e.g. "Default remote domain"; {@code name} is its Exchange
     *              name, by which it is found and set
     */
    public StepResult converge(StepContext context, ExchangeObjectKind kind, String name, String label, DesiredState desired) {
        if (desired instanceof DesiredState.Present present) {
            return present(context, kind, name, label, present);
        }
        return absent(context, kind, name, ((DesiredState.Absent) desired).why());
    }

    public StepResult converge(StepContext context, ExchangeObjectKind kind, String name, DesiredState desired) {
        return converge(context, kind, name, name, desired);
    }

    private StepResult present(StepContext context, ExchangeObjectKind kind, String name, String label, DesiredState.Present present) {
        Map<String, Object> desired = present.parameters();
        Optional<JsonNode> existing = find(context, kind, name);
        if (existing.isEmpty()) {
            if (present.whenMissing().isPresent()) {
                return present.whenMissing().get();
            }
            return switch (context.mode()) {
                case PLAN -> StepResult.of(StepOutcome.WOULD_CREATE, "Would create " + label + " with " + parameters(desired));
                case VERIFY -> StepResult.drifted(label + " is missing", List.of(new PropertyDrift(name, PropertyDrift.WHOLE_OBJECT, "present", null)));
                case APPLY -> create(context, kind, name, desired);
            };
        }
        List<ParameterDiff.Change> changes = ParameterDiff.between(desired, existing.get());
        if (changes.isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, label + " already as required");
        }
        String summary = ParameterDiff.summary(changes);
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_UPDATE, "Would update " + label + ": " + summary);
            case VERIFY -> StepResult.drifted(label + " differs: " + summary, changes.stream().map(change -> change.driftOf(name)).toList());
            case APPLY -> {
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("Identity", name);
                parameters.putAll(ParameterDiff.changedParameters(desired, changes));
                write(context, kind, kind.update(), parameters);
                yield readBack(context, kind, name, label, desired, StepResult.of(StepOutcome.UPDATED, "Updated " + label + ": " + summary));
            }
        };
    }

    private StepResult absent(StepContext context, ExchangeObjectKind kind, String name, String why) {
        String because = why == null ? "" : ": " + why;
        if (find(context, kind, name).isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, why == null ? name + " is already absent" : name + " is absent, as it should be" + because);
        }
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_REMOVE, "Would remove " + name + because);
            case VERIFY -> StepResult.drifted(name + " is present" + (why == null ? "" : " but " + why),
                    List.of(new PropertyDrift(name, PropertyDrift.WHOLE_OBJECT, null, "present")));
            case APPLY -> remove(context, kind, name);
        };
    }

    private void write(StepContext context, ExchangeObjectKind kind, Cmdlet cmdlet, Map<String, Object> parameters) {
        if (cmdlet == null) {
            throw new IllegalStateException(kind + " is only read and set: desire it as existing, never created or absent");
        }
        context.reads().forget(kind);
        exchange.invoke(context.tenantId(), cmdlet, parameters);
    }

    private StepResult remove(StepContext context, ExchangeObjectKind kind, String name) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", name);
        parameters.put("Confirm", false);
        write(context, kind, kind.remove(), parameters);
        if (find(context, kind, name).isPresent()) {
            return StepResult.failedRetryable(name + " was removed but still reads back", "Retry the offboarding");
        }
        return StepResult.of(StepOutcome.REMOVED, "Removed " + name);
    }

    private StepResult create(StepContext context, ExchangeObjectKind kind, String name, Map<String, Object> desired) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Name", name);
        desired.forEach((parameter, value) -> {
            if (value != null) {
                parameters.put(parameter, value);
            }
        });
        write(context, kind, kind.create(), parameters);
        return readBack(context, kind, name, name, desired, StepResult.of(StepOutcome.CREATED, "Created " + name));
    }

    /** Bulk tools have reported success while nothing changed: believe only what reads back. */
    private StepResult readBack(StepContext context, ExchangeObjectKind kind, String name, String label, Map<String, Object> desired,
            StepResult written) {
        Optional<JsonNode> actual = find(context, kind, name);
        if (actual.isEmpty()) {
            return StepResult.failedRetryable(label + " was written but does not read back",
                    "Retry; if it fails again, look for " + label + " in the Exchange admin center");
        }
        List<ParameterDiff.Change> remaining = ParameterDiff.between(desired, actual.get());
        if (!remaining.isEmpty()) {
            return StepResult.failedRetryable(label + " reads back different: " + ParameterDiff.summary(remaining),
                    "Check " + label + " in the Exchange admin center, then retry");
        }
        return written;
    }

    private static String parameters(Map<String, Object> desired) {
        StringBuilder text = new StringBuilder();
        desired.forEach((parameter, value) -> {
            if (value != null) {
                text.append(text.isEmpty() ? "" : ", ").append(parameter).append('=')
                        .append(ParameterDiff.isSensitive(parameter) ? "(not shown)" : value);
            }
        });
        return text.toString();
    }
}
