package io.sluice.gateway.history;

/**
 * Statements that started in one time bucket: how many, how many failed, and their average and
 * longest duration (finished ones only).
 */
public record ThroughputBucket(
    long startTimeMillis, long statements, long failed, long averageMillis, long maximumMillis) {}
