package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;
import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;
import org.flowable.common.engine.impl.calendar.CycleBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DueDateBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DurationBusinessCalendar;
import org.flowable.common.engine.impl.calendar.MapBusinessCalendarManager;
import org.flowable.common.engine.impl.runtime.ClockReader;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A host application on Flowable's starter, which makes the ProcessEngine: it sets a business
 * calendar manager of its own with a calendar of its own ("hostHours"), which slaflow must keep.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class FlowableHostApplication {

    /** The host's own business calendar manager, as Flowable's starter lets a host configure it. */
    static final MapBusinessCalendarManager HOST_CALENDARS = new MapBusinessCalendarManager();

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> hostCalendars() {
        return cfg -> {
            ClockReader clock = new EngineClock(cfg);
            HOST_CALENDARS.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar(clock));
            HOST_CALENDARS.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar(clock));
            HOST_CALENDARS.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar(clock));
            HOST_CALENDARS.addBusinessCalendar("hostHours", new DurationBusinessCalendar(clock));
            cfg.setBusinessCalendarManager(HOST_CALENDARS);
        };
    }

    @Bean
    RecordingListener recordingListener() {
        return new RecordingListener();
    }

    @Bean
    HostApplication.HostTickets hostTickets(JdbcTemplate jdbc, SlaEngine desk) {
        return new HostApplication.HostTickets(jdbc, desk);
    }

    /** Reads the engine's clock when asked: it does not exist yet while the engine is configured. */
    private record EngineClock(SpringProcessEngineConfiguration cfg) implements ClockReader {

        @Override
        public Date getCurrentTime() {
            return cfg.getClock().getCurrentTime();
        }

        @Override
        public Calendar getCurrentCalendar() {
            return cfg.getClock().getCurrentCalendar();
        }

        @Override
        public Calendar getCurrentCalendar(TimeZone timeZone) {
            return cfg.getClock().getCurrentCalendar(timeZone);
        }

        @Override
        public TimeZone getCurrentTimeZone() {
            return cfg.getClock().getCurrentTimeZone();
        }
    }
}
