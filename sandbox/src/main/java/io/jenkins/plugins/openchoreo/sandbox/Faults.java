package io.jenkins.plugins.openchoreo.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The faults waiting to be applied, consumed in the order they were added, per route. */
public final class Faults {

    private final List<Pending> pending = new ArrayList<>();

    public synchronized Faults add(Fault fault) {
        pending.add(new Pending(fault));
        return this;
    }

    public synchronized void clear() {
        pending.clear();
    }

    /** The fault for this request to the route, if one is due; counts it as used. */
    synchronized Optional<Fault> next(Route route) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (p.fault.route != route) {
                continue;
            }
            if (p.skipped < p.fault.after) {
                p.skipped++;
                return Optional.empty();
            }
            if (++p.used >= p.fault.times) {
                it.remove();
            }
            return Optional.of(p.fault);
        }
        return Optional.empty();
    }

    private static final class Pending {
        final Fault fault;
        int skipped;
        int used;

        Pending(Fault fault) {
            this.fault = fault;
        }
    }
}
