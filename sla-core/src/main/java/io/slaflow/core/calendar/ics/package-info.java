/**
 * ICS (RFC 5545) import and export of a calendar's holidays, through ical4j. ical4j is an optional
 * dependency of sla-core: a host that calls {@link io.slaflow.core.calendar.ics.IcsHolidays} adds
 * {@code org.mnode.ical4j:ical4j} itself; nothing else in the library loads it.
 */
package io.slaflow.core.calendar.ics;
