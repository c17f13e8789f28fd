package com.trustifi.onboarding.worker.command;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.worker.plan.ProvisioningPlan;
import com.trustifi.onboarding.worker.status.StatusPublisher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes provisioning commands. Commands run in parallel on the "provisioning" worker pool; a
 * command's offset is committed only after its plan finished and its events were acknowledged.
 */
@ApplicationScoped
public class ProvisioningCommandConsumer {

    private final ProvisioningPlan plan;
    private final StatusPublisher status;

    ProvisioningCommandConsumer(ProvisioningPlan plan, StatusPublisher status) {
        this.plan = plan;
        this.status = status;
    }

    @Incoming("provisioning-commands")
    @Blocking(value = "provisioning", ordered = false)
    public void handle(ProvisioningCommand command) {
        plan.run(command, status.reporterFor(command));
    }
}
