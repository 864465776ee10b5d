package io.slaflow.core.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs Bean Validation on a value and returns every violation as one line of the form
 * {@code path: message (was value)}, sorted by path. The Hibernate Validator factory is built once,
 * with {@link ParameterMessageInterpolator} (so hosts need no Expression Language library) and English
 * messages whatever the JVM's default locale. Thread-safe. Not an API.
 *
 * <p>Without Expression Language, the default messages of {@code @DecimalMin} and {@code @DecimalMax}
 * come out with their {@code ${inclusive ...}} expression unevaluated; give those constraints an explicit
 * message such as {@code "must be less than or equal to {value}"}.
 */
public final class ConstraintCheck {

    private ConstraintCheck() {
    }

    /** Holds the validator; created on first use, then shared. */
    private static final class Holder {
        private static final Validator VALIDATOR = create();

        private static Validator create() {
            ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                    .defaultLocale(Locale.ENGLISH)
                    .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ENGLISH), Locale.ENGLISH, false))
                    .buildValidatorFactory();
            return factory.getValidator();
        }
    }

    /**
     * Validates {@code value} and its {@code @Valid} parts.
     *
     * @param value the value to check, not null
     * @return a mutable list of violations, empty when the value is valid, so callers may add the
     *         violations of rules that annotations cannot express
     */
    public static List<String> violations(Object value) {
        Set<ConstraintViolation<Object>> found = Holder.VALIDATOR.validate(value);
        List<String> lines = new ArrayList<>(found.size());
        found.stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> lines.add(v.getPropertyPath() + ": " + v.getMessage()
                        + " (was " + show(v.getInvalidValue()) + ")"));
        return lines;
    }

    /**
     * Shows a value the way violation messages quote it: strings in double quotes, {@code null} as
     * {@code null}, anything else by its {@code toString()}.
     *
     * @param value the value, may be null
     * @return its text
     */
    public static String show(Object value) {
        return value instanceof CharSequence s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
