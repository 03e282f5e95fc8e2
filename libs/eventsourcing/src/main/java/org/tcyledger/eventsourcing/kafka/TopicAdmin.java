package org.tcyledger.eventsourcing.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates our topics explicitly, never by auto-creation: they are the log the read side rebuilds from, so they
 * keep every record ({@code retention.ms=-1}), require all but one replica in sync and take a record of up to
 * {@code Topics.MAX_RECORD_BYTES}.
 */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    public static void ensure(KafkaSettings settings, Collection<String> names) {
        try (Admin admin = Admin.create(settings.admin())) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, settings.partitions(), settings.replicationFactor())
                            .configs(Map.of(
                                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                                    TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                    Integer.toString(org.tcyledger.contracts.Topics.MAX_RECORD_BYTES),
                                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                    Integer.toString(Math.max(1, settings.replicationFactor() - 1)))))
                    .toList();
            // topics created before the record limit was set take records of the broker's default size only
            List<org.apache.kafka.common.config.ConfigResource> older = names.stream().filter(existing::contains)
                    .map(name -> new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.TOPIC, name))
                    .toList();
            if (!older.isEmpty()) {
                org.apache.kafka.clients.admin.AlterConfigOp limit = new org.apache.kafka.clients.admin.AlterConfigOp(
                        new org.apache.kafka.clients.admin.ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                Integer.toString(org.tcyledger.contracts.Topics.MAX_RECORD_BYTES)),
                        org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET);
                Map<org.apache.kafka.common.config.ConfigResource, java.util.Collection<org.apache.kafka.clients.admin.AlterConfigOp>> changes =
                        new java.util.HashMap<>();
                older.forEach(topic -> changes.put(topic, List.of(limit)));
                admin.incrementalAlterConfigs(changes).all().get(10, TimeUnit.SECONDS);
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getMessage(), e);
        }
    }
}
