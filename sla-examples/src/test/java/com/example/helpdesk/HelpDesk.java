package com.example.helpdesk;

import io.slaflow.bpmn.RequestStatus;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.ServiceRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** A host application's help desk with slaflow inside. */
public final class HelpDesk implements AutoCloseable {

    private final SlaEngine engine;

    public HelpDesk(DataSource database, Path policyFile, Clock clock, Consumer<SlaEvent> alerts) {
        this.engine = SlaEngine.builder()
                .policy(SlaPolicies.load(policyFile))     // refused whole, every problem listed, if a rule is broken
                .dataSource(database)                     // the host's pool: H2 or PostgreSQL
                .clock(clock)                             // Clock.systemUTC() in production
                .member("olga", "consultants").member("anna", "analysts").member("ivan", "programmers")
                .member("dmytro", "duty").member("lena", "leads")
                .listener(alerts::accept)                 // after commit, once per event
                .build();
    }

    public String file(ServiceRequest request) {
        return engine.submit(request);                    // routed to its line; both countdowns start
    }

    public List<RequestStatus> cabinet(String customer) {
        return engine.requestsOf(customer);               // what the client sees: its own requests only
    }

    public List<RequestStatus> inbox(String user) {
        return engine.workList(user);                     // in work order: emergencies first
    }

    @Override
    public void close() {
        engine.close();
    }
}
