package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;

/**
 * Who runs a statement, as policy functions see it: {@code current_user()} and {@code
 * is_account_group_member('group')} are answered from this, by the gateway, not by the engine.
 */
public record Identity(String user, Predicate<String> isGroupMember) {
  public Identity {
    requireNonNull(user, "user is null");
    requireNonNull(isGroupMember, "isGroupMember is null");
  }
}
