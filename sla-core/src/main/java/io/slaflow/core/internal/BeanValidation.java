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
 * Runs Jakarta Bean Validation (Hibernate Validator) on a bean and words every violation as
 * {@code path: message (was value)}. The validator is built once, on first use, and shared: it is
 * thread-safe. Messages are interpolated by {@link ParameterMessageInterpolator}, which substitutes
 * constraint attributes such as {@code {max}} and never evaluates expressions, so hosts need no
 * Expression Language library, and text under validation is never run as code. Messages are English
 * whatever the JVM's default locale. Not API.
 *
 * <p>Without Expression Language, the default messages of {@code @DecimalMin} and {@code @DecimalMax}
 * come out with their {@code ${inclusive ...}} expression unevaluated; give those constraints an explicit
 * message such as {@code "must be less than or equal to {value}"}.
 */
public final class BeanValidation {

    private BeanValidation() {
    }

    /** Holds the validator, so it is built on first use and only once. */
    private static final class Holder {
        private static final Validator VALIDATOR = build();

        private static Validator build() {
            ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
                    .configure()
                    .defaultLocale(Locale.ENGLISH)
                    .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ENGLISH), Locale.ENGLISH, false))
                    .buildValidatorFactory();
            return factory.getValidator();
        }
    }

    /**
     * Validates {@code bean} and returns every violation, sorted by path and message.
     *
     * @param bean an object carrying Bean Validation constraints
     * @return the violations as {@code path: message (was value)}; empty when the bean is valid
     */
    public static List<String> violationsOf(Object bean) {
        List<ConstraintViolation<Object>> found = new ArrayList<>(Holder.VALIDATOR.validate(bean));
        found.sort(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage));
        List<String> out = new ArrayList<>(found.size());
        for (ConstraintViolation<Object> v : found) {
            out.add(v.getPropertyPath() + ": " + v.getMessage() + " " + ViolationText.was(v.getInvalidValue()));
        }
        return List.copyOf(out);
    }
}
