package org.tcyledger.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic secretariat commands, as stories a client runs in order: a State joins (registration, then its signature
 * of ETS185), an organisation is registered, a guidance note is drafted and then revised. Every command has a key
 * of its own, unique across runs, so that retrying it is safe and its answer can be traced to its event.
 */
final class Workload {

    /** One command to send; {@code key} is its Idempotency-Key, sent again unchanged on every retry. */
    record Command(String service, String method, String path, String body, String key, String aggregate) {
        String describe() {
            return method + " " + path + " " + body + " (Idempotency-Key " + key + ")";
        }
    }

    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private final AtomicLong keys = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger states = new AtomicInteger();

    String key(String what) {
        return "chaos:" + run + ":" + what + ":" + keys.incrementAndGet();
    }

    /** The next story for one client: a State joining while two-letter ids last, then organisations and notes. */
    List<Command> nextStory() {
        long n = ids.incrementAndGet();
        return switch ((int) (n % 3)) {
            case 0 -> stateJoins();
            case 1 -> List.of(registerOrganisation());
            default -> noteDraftedAndRevised();
        };
    }

    private List<Command> stateJoins() {
        int index = states.getAndIncrement();
        if (index >= 26 * 26) {
            return List.of(registerOrganisation());
        }
        String id = "" + (char) ('A' + index / 26) + (char) ('A' + index % 26);
        return List.of(
                new Command("membership", "POST", "/members", "{\"id\":\"" + id + "\",\"name\":\"State " + id
                        + "\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}", key("register"), id),
                new Command("membership", "POST", "/members/" + id + "/signatures",
                        "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}", key("sign"), id));
    }

    Command registerOrganisation() {
        String id = "ORG-" + run + "-" + ids.incrementAndGet();
        return new Command("membership", "POST", "/members", "{\"id\":\"" + id + "\",\"name\":\"Organisation " + id
                + "\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}", key("register"), id);
    }

    private List<Command> noteDraftedAndRevised() {
        String id = "gn-" + run.toLowerCase(Locale.ROOT) + "-" + ids.incrementAndGet();
        return List.of(draftNote(id), reviseNote(id, 2));
    }

    Command draftNote(String id) {
        return new Command("meetings", "POST", "/guidance-notes", "{\"id\":\"" + id + "\",\"title\":\"Guidance note "
                + id + "\",\"articles\":[\"Art. 14\"],\"text\":{\"en\":\"The T-CY agreed on guidance on botnets.\"}}",
                key("draft"), id);
    }

    /** Each revision stores a new version: a retry that is not answered from its key would show as a second one. */
    Command reviseNote(String id, int revision) {
        return new Command("meetings", "PUT", "/guidance-notes/" + id, "{\"title\":\"Guidance note " + id
                + " revision " + revision + "\",\"articles\":[\"Art. 14\",\"Art. 15\"],\"text\":{\"en\":\"Revised text "
                + revision + ".\"}}", key("revise"), id);
    }

    /** The race: many revisions of one note at once; most lose with 409 and that is their right answer. */
    List<Command> raceOn(String noteId) {
        List<Command> story = new ArrayList<>();
        story.add(reviseNote(noteId, (int) ids.incrementAndGet()));
        return story;
    }
}
