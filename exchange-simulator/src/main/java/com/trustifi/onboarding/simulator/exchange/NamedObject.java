package com.trustifi.onboarding.simulator.exchange;

import java.util.UUID;

/** An Exchange configuration object that -Identity can name by its Name or its GUID. */
public interface NamedObject {

    UUID guid();

    String name();
}
