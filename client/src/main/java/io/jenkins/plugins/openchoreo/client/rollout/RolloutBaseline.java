package io.jenkins.plugins.openchoreo.client.rollout;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the component and its ReleaseBindings looked like before a write (or a promotion), and
 * what the wait has seen since: the component's latest release, so the wait can tell the new
 * release from it, and each sighting of a binding (the release it named, its
 * {@code status.observedGeneration}). A binding that names the awaited release is caught up only
 * once its observedGeneration has grown past every one it had while naming another release (see
 * {@link BindingState}).
 *
 * @param release the component's latest release before the write, or null
 * @param seen the sightings of bindings
 */
public record RolloutBaseline(String release, List<Seen> seen) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Nothing known: every binding is new to the wait. */
    public static final RolloutBaseline NONE = new RolloutBaseline(null, List.of());

    public RolloutBaseline {
        seen = List.copyOf(seen);
    }

    /** One sighting of a binding: its name, the release it named and its observedGeneration then. */
    public record Seen(String binding, String release, long observedGeneration) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** This baseline with the bindings of one more read added. */
    RolloutBaseline with(Iterable<BindingState> states) {
        List<Seen> more = new ArrayList<>(seen);
        for (BindingState state : states) {
            Seen sighting = new Seen(state.name(), state.release(), state.observedGeneration());
            if (!more.contains(sighting)) {
                more.add(sighting);
            }
        }
        return new RolloutBaseline(release, more);
    }

    /**
     * The highest observedGeneration this binding had while naming a release other than
     * {@code wanted}: the controller must have passed it to have reconciled the switch; 0 if never seen so.
     */
    long generationBefore(String binding, String wanted) {
        return seen.stream().filter(s -> s.binding().equals(binding) && !s.release().equals(wanted))
                .mapToLong(Seen::observedGeneration).max().orElse(0);
    }
}
