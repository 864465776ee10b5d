package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.request.ServiceRequest;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** A host application: Spring Boot with JDBC and the actuator, without Flowable's starter. */
@SpringBootConfiguration
@EnableAutoConfiguration
class HostApplication {

    @Bean
    RecordingListener recordingListener() {
        return new RecordingListener();
    }

    @Bean
    AtomicInteger customizerCalls() {
        return new AtomicInteger();
    }

    @Bean
    SlaEngineCustomizer countingCustomizer(AtomicInteger customizerCalls) {
        return builder -> customizerCalls.incrementAndGet();
    }

    @Bean
    HostTickets hostTickets(JdbcTemplate jdbc, SlaEngine desk) {
        return new HostTickets(jdbc, desk);
    }

    /** A host service that keeps its own ticket row and files the SLA request in one @Transactional method. */
    static class HostTickets {

        private final JdbcTemplate jdbc;
        private final SlaEngine desk;

        HostTickets(JdbcTemplate jdbc, SlaEngine desk) {
            this.jdbc = jdbc;
            this.desk = desk;
            jdbc.execute("create table if not exists host_ticket (customer varchar(64), request_id varchar(64))");
        }

        /** Stores the host's ticket, files the request, then fails: the host's transaction rolls back. */
        @Transactional
        public String fileAndFail(ServiceRequest request) {
            String id = desk.submit(request);
            jdbc.update("insert into host_ticket values (?, ?)", request.customer(), id);
            throw new IllegalStateException("the host fails after filing " + id);
        }

        /** Stores the host's ticket and files the request, in the host's transaction. */
        @Transactional
        public String file(ServiceRequest request) {
            String id = desk.submit(request);
            jdbc.update("insert into host_ticket values (?, ?)", request.customer(), id);
            return id;
        }

        int tickets(String customer) {
            return jdbc.queryForObject("select count(*) from host_ticket where customer = ?", Integer.class, customer);
        }
    }
}
