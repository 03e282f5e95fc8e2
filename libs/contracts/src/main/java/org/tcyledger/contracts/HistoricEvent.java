package org.tcyledger.contracts;

/**
 * An earlier shape of an event, under its own wire type ({@code tcy.membership.InvitedToAccede.v1}): read only, never
 * written. Stored events and records on the topics keep it for ever (their bytes are hashed); every reader gets it as
 * the version that replaced it, {@code N}, through {@link #upcast()}, once the current version names it in
 * {@link Supersedes}. A record of this kind stays outside its family's sealed interface, so that no aggregate can
 * record it and no {@code switch} over the family has to handle it.
 *
 * @param <N> the version that replaced this one (itself historic when there were several steps)
 */
public interface HistoricEvent<N> {

    /** This event as the next version says it, every new field derived from what this one recorded. */
    N upcast();
}
