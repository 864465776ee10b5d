package io.slaflow.examples.simulation;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the customers' requests for the simulated days from a seed: per day and {@link Demand.Stream}, a
 * Poisson number of requests, each drawn for one customer by its share, at an hour drawn from the daily
 * profile on that customer's own clock (a customer in Tashkent files its morning peak while Kyiv sleeps).
 * Day {@code k} is the desk's day: its requests fall in it, and depend only on the seed and {@code k},
 * so a longer run starts with the same days.
 */
final class Arrivals {

    /** The desk's first customer: in Kyiv, on the file's default policy. */
    static final String CUSTOMER = "acme-trade";
    /** The desk's second customer: in Tashkent (UTC+5, no DST), on the file's {@code gold} policy. */
    static final String SECOND_CUSTOMER = "silk-road-foods";

    private static final int KEY_USERS = 5;
    /** The key users' ids, the same at each customer: {@code key-user-1} to {@code key-user-5}. */
    static final List<String> KEY_USER_IDS = java.util.stream.IntStream.rangeClosed(1, KEY_USERS)
            .mapToObj(i -> "key-user-" + i).toList();
    private static final int ORDINARY_USERS = 180;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<RequestKind, List<String>> SUBJECTS = subjects();

    private Arrivals() {
    }

    /**
     * Returns the arrivals of {@code days} days from {@code firstDay} 00:00 in the desk's {@code zone}, in
     * filing order, with strictly increasing instants and refs {@code R-0001}, {@code R-0002}, ...
     *
     * @param customers who files them, each with its zone and share; the shares add up to 1
     */
    static List<Arrival> generate(long seed, LocalDate firstDay, int days, ZoneId zone, List<Customer> customers) {
        SplittableRandom master = new SplittableRandom(seed);
        List<Draft> drafts = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            SplittableRandom random = master.split();
            LocalDate day = firstDay.plusDays(d);
            for (Demand.Stream stream : Demand.STREAMS) {
                int n = poisson(random, stream.perDay() * Demand.dayFactor(day.getDayOfWeek()));
                for (int i = 0; i < n; i++) {
                    Draft draft = draft(random, stream, pick(random, customers), day, zone);
                    if (draft != null) {
                        drafts.add(draft);
                    }
                }
            }
        }
        drafts.sort(Comparator.comparing(Draft::at));
        List<Arrival> arrivals = new ArrayList<>();
        Instant last = Instant.MIN;
        for (Draft draft : drafts) {
            Instant at = draft.at().isAfter(last) ? draft.at() : last.plusMillis(1);
            last = at;
            String ref = String.format("R-%04d", arrivals.size() + 1);
            arrivals.add(new Arrival(ref, at, draft.request(ref, at), draft.byPhone(), draft.seed()));
        }
        return List.copyOf(arrivals);
    }

    private record Draft(Customer customer, Instant at, Demand.Stream stream, Severity severity, String requester,
            String subject, boolean byPhone, long seed) {

        ServiceRequest request(String ref, Instant filed) {
            return ServiceRequest.builder().customer(customer.name()).requester(requester).tier(stream.tier())
                    .kind(stream.kind()).severity(severity).subject(subject)
                    .description(ref + " filed by " + requester + " at "
                            + HH_MM.format(filed.atZone(customer.zone())) + " " + customer.zone().getId()
                            + (byPhone ? " by phone" : " in the self-service cabinet"))
                    .build();
        }
    }

    /** Draws a request of {@code customer}; null when its hour falls outside the desk's day (a short DST day). */
    private static Draft draft(SplittableRandom random, Demand.Stream stream, Customer customer, LocalDate day,
            ZoneId zone) {
        int hour = pickHour(random);
        long millis = random.nextLong(3_600_000L);
        Instant at = onDesksDay(day, LocalTime.of(hour, 0), customer.zone(), zone).plusMillis(millis);
        Severity severity = random.nextDouble() < stream.criticalShare() ? Severity.CRITICAL : Severity.NON_CRITICAL;
        String requester = stream.tier() == RequesterTier.KEY_USER
                ? "key-user-" + (1 + random.nextInt(KEY_USERS))
                : String.format("user-%03d", 1 + random.nextInt(ORDINARY_USERS));
        List<String> subjects = SUBJECTS.get(stream.kind());
        String subject = subjects.get(random.nextInt(subjects.size()));
        boolean byPhone = random.nextDouble() < stream.phoneShare();
        long seed = random.nextLong();
        boolean inDay = !at.isBefore(day.atStartOfDay(zone).toInstant())
                && at.isBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
        return inDay ? new Draft(customer, at, stream, severity, requester, subject, byPhone, seed) : null;
    }

    /**
     * Returns the instant within the desk's day {@code day} (in {@code deskZone}) at which the customer's
     * clock shows {@code time}: on the customer's date {@code day}, or the day after or before when that
     * instant falls outside the desk's day. The same zone gives the desk's own {@code day} at {@code time}.
     */
    static Instant onDesksDay(LocalDate day, LocalTime time, ZoneId customerZone, ZoneId deskZone) {
        ZonedDateTime local = ZonedDateTime.of(day, time, customerZone);
        if (local.toInstant().isBefore(day.atStartOfDay(deskZone).toInstant())) {
            local = local.plusDays(1);
        } else if (!local.toInstant().isBefore(day.plusDays(1).atStartOfDay(deskZone).toInstant())) {
            local = local.minusDays(1);
        }
        return local.toInstant();
    }

    /** Picks a customer by the shares. */
    private static Customer pick(SplittableRandom random, List<Customer> customers) {
        double x = random.nextDouble();
        for (Customer c : customers) {
            x -= c.share();
            if (x < 0) {
                return c;
            }
        }
        return customers.get(customers.size() - 1);
    }

    private static int pickHour(SplittableRandom random) {
        double total = 0;
        for (double w : Demand.HOURLY) {
            total += w;
        }
        double x = random.nextDouble(total);
        for (int h = 0; h < Demand.HOURLY.length; h++) {
            x -= Demand.HOURLY[h];
            if (x < 0) {
                return h;
            }
        }
        return Demand.HOURLY.length - 1;
    }

    /** Knuth's method: fine for the rates here (well under 100 a day). */
    static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    private static Map<RequestKind, List<String>> subjects() {
        Map<RequestKind, List<String>> s = new EnumMap<>(RequestKind.class);
        s.put(RequestKind.CONSULTATION, List.of("How do I post a return of goods?",
                "Where is the VAT return for last month?", "Invoice prints without the logo",
                "Which account takes a fuel advance?", "How do I close a cash shift?",
                "Discount card is not applied at the till", "How do I add a new warehouse?",
                "Payroll sheet shows zero tax for one employee", "Price formula ${price * 1.2} shows as text",
                "Cannot find last week's bank statement"));
        s.put(RequestKind.SPECIFICATION, List.of("Specify a sales plan report by region",
                "Specify loyalty card import from the web shop", "Specify approval of purchase orders over a limit",
                "Specify a stock ageing report"));
        s.put(RequestKind.DEVELOPMENT, List.of("Check the receivables limit when posting sales orders",
                "Export price lists to the web shop", "Bank statement import for a new bank",
                "Delivery slot field on customer orders", "Fix rounding in the VAT register"));
        s.put(RequestKind.UPDATE, List.of("Update the configuration to the new release",
                "Update the tax report forms", "Update the exchange-rate loader", "Update the cash register drivers"));
        s.put(RequestKind.EMERGENCY, List.of("Sales documents do not post", "The database does not start",
                "Cash registers lost the connection", "Exchange with the warehouses stopped"));
        return s;
    }
}
