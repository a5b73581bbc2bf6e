package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Statements waiting for an engine slot, served fairly across users.
 *
 * <p>Each user has a first-in-first-out line of their own. When a slot frees, {@link #next} looks
 * at the oldest statement in each line that can use that slot (a statement may be tied to one
 * engine) and picks the user who runs the fewest statements now; among equals, the user served
 * least recently. So a user who submits a hundred statements at once does not hold up one who
 * submits a single statement: they take turns. The total is bounded; {@link #offer} refuses beyond
 * it. Not thread-safe: its owner locks.
 */
final class StatementQueue<T> {
  private final Map<String, ArrayDeque<T>> lines = new LinkedHashMap<>();
  private final Map<String, Long> lastServed = new HashMap<>();
  private long served;
  private int size;

  /** Adds {@code waiter} at the end of {@code user}'s line, unless {@code limit} are waiting. */
  boolean offer(String user, T waiter, int limit) {
    requireNonNull(user, "user is null");
    requireNonNull(waiter, "waiter is null");
    if (size >= limit) {
      return false;
    }
    lines.computeIfAbsent(user, key -> new ArrayDeque<>()).addLast(waiter);
    size++;
    return true;
  }

  /** Records that {@code user} got a slot (also when it got one without waiting). */
  void served(String user) {
    lastServed.put(user, ++served);
  }

  /**
   * Takes the next waiter that {@code eligible} accepts: from the user with the fewest {@code
   * running} statements, then the one served least recently.
   */
  Optional<T> next(Predicate<T> eligible, ToIntFunction<String> running) {
    String bestUser = null;
    T best = null;
    int bestRunning = Integer.MAX_VALUE;
    long bestServed = Long.MAX_VALUE;
    for (Map.Entry<String, ArrayDeque<T>> line : lines.entrySet()) {
      Optional<T> candidate = line.getValue().stream().filter(eligible).findFirst();
      if (candidate.isEmpty()) {
        continue;
      }
      int userRunning = running.applyAsInt(line.getKey());
      long userServed = lastServed.getOrDefault(line.getKey(), 0L);
      if (userRunning < bestRunning || (userRunning == bestRunning && userServed < bestServed)) {
        bestUser = line.getKey();
        best = candidate.get();
        bestRunning = userRunning;
        bestServed = userServed;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    remove(bestUser, best);
    served(bestUser);
    return Optional.of(best);
  }

  /** Removes a waiter (a cancelled statement); returns whether it was waiting. */
  boolean remove(String user, T waiter) {
    ArrayDeque<T> line = lines.get(user);
    if (line == null || !line.remove(waiter)) {
      return false;
    }
    size--;
    if (line.isEmpty()) {
      lines.remove(user);
    }
    return true;
  }

  /** Removes and returns every waiter {@code selected} accepts. */
  java.util.List<T> removeAll(Predicate<T> selected) {
    java.util.List<T> removed = new java.util.ArrayList<>();
    for (Iterator<ArrayDeque<T>> users = lines.values().iterator(); users.hasNext(); ) {
      ArrayDeque<T> line = users.next();
      for (Iterator<T> waiters = line.iterator(); waiters.hasNext(); ) {
        T waiter = waiters.next();
        if (selected.test(waiter)) {
          waiters.remove();
          removed.add(waiter);
          size--;
        }
      }
      if (line.isEmpty()) {
        users.remove();
      }
    }
    return removed;
  }

  /** Visits every waiter, in no particular order. */
  void forEach(java.util.function.Consumer<T> action) {
    lines.values().forEach(line -> line.forEach(action));
  }

  int size() {
    return size;
  }
}
