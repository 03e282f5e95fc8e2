package org.tcyledger.eventsourcing.axon;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.eventsourcing.kafka.KafkaPublisher;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;

/**
 * Axon Framework 4 for a write service, configured once for all of them: the JDBC event store on the service's
 * PostgreSQL (hash-chained, Jackson, wire type names, historic versions upcast by the catalog where aggregates load
 * them), a JTA-joining transaction manager, errors that propagate
 * instead of being logged away, a JDBC token store, and the {@code kafka-publisher} tracking processor.
 * Services without a {@link WriteModel} (the projection) get none of it.
 */
@ApplicationScoped
public class AxonRuntime {

    public static final String PUBLISHER = "kafka-publisher";

    /** Metadata keys: the JWT subject, and our names for Axon's message origin (root and direct cause). */
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACEPARENT = "traceparent";

    public static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number").typeColumn("type")
            .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
            .payloadColumn("payload").metaDataColumn("meta_data")
            .build();

    private static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
            .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("time_stamp")
            .setOwnerColumn("owner")
            .build();

    @Inject
    Instance<WriteModel> writeModel;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.transaction.TransactionManager jta;
    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry synchronizations;
    @Inject
    KafkaSettings kafka;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** Longer than an event transaction can ever stay open, so the tracking processor never skips a slow commit. */
    @ConfigProperty(name = "tcy.axon.gap-timeout-ms", defaultValue = "120000")
    int gapTimeoutMs;
    /** Events per publisher transaction when a backlog is waiting (1000: 4.8k -> 5.8k events/s republished locally). */
    @ConfigProperty(name = "tcy.axon.publisher-batch-size", defaultValue = "1000")
    int publisherBatchSize;
    /**
     * How many of the latest events the store keeps in memory for its tracking readers (the publisher, at the head):
     * Axon's 10,000 stayed live for good after a burst, 53 MB of meetings' heap after the bench.
     */
    @ConfigProperty(name = "tcy.axon.cached-events", defaultValue = "1000")
    int cachedEvents;
    @ConfigProperty(name = "tcy.axon.fetch-delay-ms", defaultValue = "25")
    long fetchDelayMs;
    /** The largest event stored; lower only in tests, which cannot send a body big enough to reach the real one. */
    @ConfigProperty(name = "tcy.events.max-bytes", defaultValue = "" + org.tcyledger.contracts.Topics.MAX_EVENT_BYTES)
    int maxEventBytes;

    private Configuration configuration;
    private KafkaPublisher publisher;
    private WireTypeSerializer serializer;

    /**
     * How long a transaction that stores events may stay open: half the gap timeout. The publisher's processor stops
     * waiting for a global index after the gap timeout (Axon #4829): an event committed later would never be published.
     * A command's transaction is cut at this bound instead (503, nothing stored, the client retries).
     */
    public java.time.Duration maxEventTransaction() {
        return java.time.Duration.ofMillis(Math.max(1, gapTimeoutMs / 2));
    }

    /** Before any other start-up observer, so that services can send commands when they start. */
    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent startup) {
        if (writeModel.isResolvable()) {
            configuration().start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        if (configuration != null) {
            configuration.shutdown();
            publisher.close();
        }
    }

    public synchronized Configuration configuration() {
        if (configuration == null) {
            configuration = build(writeModel.get());
        }
        return configuration;
    }

    /** The publisher of this service, or empty in a service without a write model. */
    public java.util.Optional<KafkaPublisher> publisher() {
        return java.util.Optional.ofNullable(publisher);
    }

    /**
     * Waits until the event is on the topic, at most {@code timeout}; false if it is not yet. The instance whose
     * publisher holds the claim hears it from its publisher; another instance of the service reads the claim holder's
     * token, which is stored only after Kafka acknowledged the batch.
     */
    public boolean awaitPublished(String eventId, Duration timeout) {
        if (publisher == null) {
            return true;
        }
        boolean publishesHere = configuration().eventProcessingConfiguration()
                .eventProcessor(PUBLISHER, org.axonframework.eventhandling.TrackingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty()).orElse(false);
        if (publishesHere) {
            return publisher.awaitPublished(eventId, timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Long globalIndex = null;
        while (true) {
            try {
                if (globalIndex == null) {
                    globalIndex = globalIndexOf(eventId);
                }
                if (globalIndex != null && publishedUpTo(globalIndex)) {
                    return true;
                }
            } catch (java.sql.SQLException | RuntimeException e) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(Math.max(5, fetchDelayMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private Long globalIndexOf(String eventId) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement(
                     "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")) {
            select.setString(1, eventId);
            try (java.sql.ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private boolean publishedUpTo(long globalIndex) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement(
                     "SELECT token, token_type FROM token_entry WHERE processor_name = ? AND token IS NOT NULL")) {
            select.setString(1, PUBLISHER);
            try (java.sql.ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                Object token = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                        row.getBytes(1), byte[].class, row.getString(2), null));
                if (token instanceof org.axonframework.eventhandling.GapAwareTrackingToken gapAware) {
                    return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
                }
                return false;
            }
        }
    }

    @Produces
    @ApplicationScoped
    CommandGateway commandGateway() {
        return configuration().commandGateway();
    }

    @Produces
    @ApplicationScoped
    EventStore eventStore() {
        return configuration().eventStore();
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(Configurer configurer, Class<T> type, Object resource) {
        configurer.registerComponent(type, c -> (T) resource);
    }

    private JdbcEventStorageEngine.Builder jdbcEngine(DataSourceConnectionProvider connections,
                                                      TransactionManager transactions, WireTypeSerializer serializer) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .schema(EVENT_SCHEMA)
                .gapTimeout(gapTimeoutMs);
    }

    private Configuration build(WriteModel model) {
        // Stored timestamps have millisecond precision; events carry exactly the time that is stored and hashed.
        GenericEventMessage.clock = Clock.tickMillis(java.time.ZoneOffset.UTC);

        WireTypeSerializer serializer = WireTypeSerializer.create(model.catalog());
        this.serializer = serializer;
        TransactionManager transactions = new JtaTransactionManager(jta);
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
        publisher = new KafkaPublisher(model, kafka, serializer,
                io.micrometer.core.instrument.Timer.builder("tcy.publisher.acknowledgement")
                        .description("how long Kafka takes to acknowledge a batch the publisher sent")
                        .register(metrics));

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(CAUSATION_ID, CORRELATION_ID),
                        new SimpleCorrelationDataProvider(ACTOR, TRACEPARENT)))
                .configureCommandBus(c -> {
                    SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(transactions).build();
                    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
                    bus.registerHandlerInterceptor(CommandOutcomes.outcome());
                    return bus;
                })
                // The store's reader is woken when the JTA transaction holding the events commits; the fetch delay
                // only bounds how late it looks when nothing woke it (events stored by another instance).
                .configureEventStore(c -> new JtaCommittedEventStore(
                        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                                .fetchDelay(fetchDelayMs)
                                .cachedEvents(cachedEvents)
                                .storageEngine(c.getComponent(
                                        org.axonframework.eventsourcing.eventstore.EventStorageEngine.class)),
                        synchronizations))
                // stored events are never rewritten: aggregates read historic versions upcast, the publisher as stored
                .registerComponent(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class,
                        c -> new HashChainingStorageEngine(
                        jdbcEngine(connections, transactions, serializer).build(),
                        jdbcEngine(connections, transactions, serializer)
                                .upcasterChain(new EventUpcasterChain(new HistoricEventUpcaster(model.catalog())))
                                .build(),
                        dataSource, serializer, model.catalog(), Math.min(maxEventBytes,
                                org.tcyledger.contracts.Topics.MAX_EVENT_BYTES)));
        model.aggregates().forEach(configurer::configureAggregate);
        model.handlerResources().forEach((type, resource) -> register(configurer, type, resource));
        configurer.eventProcessing(processing -> processing
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .schema(TOKEN_SCHEMA)
                        .contentType(byte[].class)
                        // longer than the producer can block in one batch (max.block.ms + delivery.timeout.ms)
                        .claimTimeout(Duration.ofMillis(kafka.worstCaseBlockingMs() * 3L))
                        .build())
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessor(PUBLISHER, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(publisherBatchSize))
                .registerEventHandler(c -> publisher)
                .assignHandlerInstancesMatching(PUBLISHER, handler -> handler == publisher));
        Configuration built = configurer.buildConfiguration();
        built.eventStore().registerDispatchInterceptor(CommandOutcomes.recorder());
        return built;
    }
}
