package com.trustifi.onboarding.simulator.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of one type in one tenant, in a meaningful order: creation order for connectors, priority
 * for transport rules. A tenant holds a handful of each, so lists beat maps here.
 * Not thread-safe: guarded by the owning tenant's lock.
 */
public final class NamedObjects<T extends NamedObject> {

    private final List<T> ordered = new ArrayList<>();

    public List<T> all() {
        return List.copyOf(ordered);
    }

    public int size() {
        return ordered.size();
    }

    /** Exchange resolves an identity by name (case-insensitive) or by object GUID. */
    public Optional<T> find(String identity) {
        String wanted = identity.trim();
        return ordered.stream()
                .filter(o -> o.name().equalsIgnoreCase(wanted) || o.guid().toString().equalsIgnoreCase(wanted))
                .findFirst();
    }

    public boolean nameTaken(String name) {
        String wanted = name.trim();
        return ordered.stream().anyMatch(o -> o.name().equalsIgnoreCase(wanted));
    }

    public void add(T object) {
        ordered.add(object);
    }

    /** Inserts at {@code position}, shifting later objects down by one. */
    public void insert(int position, T object) {
        ordered.add(position, object);
    }

    public int positionOf(T object) {
        return indexOf(object);
    }

    /** Replaces in place, so a change keeps the object's position. */
    public void replace(T old, T updated) {
        ordered.set(indexOf(old), updated);
    }

    /** Moves to {@code position} (counted after removal), shifting the objects in between. */
    public void move(T object, int position) {
        ordered.remove(indexOf(object));
        ordered.add(position, object);
    }

    public void remove(T object) {
        ordered.remove(indexOf(object));
    }

    private int indexOf(T object) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).guid().equals(object.guid())) {
                return i;
            }
        }
        throw new IllegalStateException("not in this store: " + object.name());
    }
}
