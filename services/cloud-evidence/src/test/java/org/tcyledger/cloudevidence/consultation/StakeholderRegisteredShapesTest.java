package org.tcyledger.cloudevidence.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderKind;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderRegistered;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;

/** Both shapes of StakeholderRegistered.v1 read from raw JSON: as stored before names were sealed, and since. */
class StakeholderRegisteredShapesTest {

    private static final ObjectMapper EVENTS = WireTypeSerializer.objectMapper();

    @Test
    void anEventStoredBeforeNamesWereSealedIsStillRead() throws Exception {
        StakeholderRegistered old = EVENTS.readValue("""
                {"consultationId":"ceg-2015-hearing","stakeholderId":"s1","name":"A provider","kind":"SERVICE_PROVIDER"}""",
                StakeholderRegistered.class);
        assertEquals("A provider", old.name());
        assertEquals(StakeholderKind.SERVICE_PROVIDER, old.kind());
        assertNull(old.sealedName());
    }

    @Test
    void anEventRecordedNowCarriesTheNameOnlySealed() throws Exception {
        String json = EVENTS.writeValueAsString(StakeholderRegistered.sealed("ceg-2015-hearing", "s1",
                StakeholderKind.ACADEMIA, "c2VhbGVk"));
        assertFalse(json.contains("\"name\":\""), json);
        StakeholderRegistered read = EVENTS.readValue(json, StakeholderRegistered.class);
        assertEquals("c2VhbGVk", read.sealedName());
        assertNull(read.name());
    }
}
