package dev.railguard.format.internal;

import dev.railguard.api.Capability;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the field readers of one event fill in, before it becomes a {@link DeepRailsEvent}. */
final class EventDraft {
    final DeepRailsEntry entry;
    final List<String> warnings;
    String id;
    ModelInput modelInput;
    String modelOutput;
    String modelUsed;
    RunMode runMode;
    String nametag;
    final List<String> metrics = new ArrayList<>();
    final Map<String, Double> thresholds = new LinkedHashMap<>();
    final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    final List<String> fileIds = new ArrayList<>();

    /** @param warnings where a lenient read records what it ignored; null reads strictly */
    EventDraft(DeepRailsEntry entry, List<String> warnings) {
        this.entry = entry;
        this.warnings = warnings;
    }

    DeepRailsEvent event() {
        return new DeepRailsEvent(id, modelInput, modelOutput, modelUsed, runMode, nametag, metrics, thresholds,
                capabilities, fileIds, warnings == null ? List.of() : warnings);
    }
}
