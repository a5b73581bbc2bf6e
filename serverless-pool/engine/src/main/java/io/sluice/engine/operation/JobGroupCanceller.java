package io.sluice.engine.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Cancels the Spark jobs of canceled operations, including jobs that start after the cancel.
 *
 * <p>{@code cancelJobGroup} only reaches jobs already running, and adaptive execution submits
 * shuffle stages as separate jobs later, even after the statement's thread was interrupted, which
 * {@code cancelJobGroupAndFutureJobs} does not catch. This listener cancels every job of a canceled
 * job group as soon as it starts. Canceled groups are remembered for {@link #MEMORY}.
 */
public final class JobGroupCanceller extends SparkListener {
  private static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";

  private final SparkContext context;

  /** How long a canceled group's late jobs are still canceled. */
  static final Duration MEMORY = Duration.ofMinutes(30);

  private final Map<String, Instant> canceledGroups = new ConcurrentHashMap<>();

  private JobGroupCanceller(SparkContext context) {
    this.context = context;
  }

  /** A canceller listening to {@code context}'s jobs. */
  public static JobGroupCanceller register(SparkContext context) {
    JobGroupCanceller canceller = new JobGroupCanceller(context);
    context.addSparkListener(canceller);
    return canceller;
  }

  /** Cancels the group's running jobs, interrupting their tasks, and any it starts later. */
  public void cancel(String jobGroup, String reason) {
    Instant now = Instant.now();
    canceledGroups.values().removeIf(canceledAt -> canceledAt.plus(MEMORY).isBefore(now));
    canceledGroups.put(jobGroup, now);
    context.cancelJobGroupAndFutureJobs(jobGroup, reason);
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    Properties properties = jobStart.properties();
    String group = properties == null ? null : properties.getProperty(JOB_GROUP_PROPERTY);
    if (group != null && canceledGroups.containsKey(group)) {
      context.cancelJob(jobStart.jobId(), "The operation was canceled");
    }
  }
}
