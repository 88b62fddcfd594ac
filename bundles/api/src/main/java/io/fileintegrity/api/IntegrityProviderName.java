package io.fileintegrity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@value IntegrityProvider#NAME_PROPERTY} on an
 * {@link IntegrityProvider} component, so that a misspelt property name is a compile error:
 *
 * <pre>{@code
 * @Component(service = IntegrityProvider.class)
 * @IntegrityProviderName("sha256sum")
 * public class Sha256SumProvider implements IntegrityProvider { ... }
 * }</pre>
 *
 * <p>As a single-element annotation its property name is derived from the type name:
 * {@code IntegrityProviderName} becomes {@value IntegrityProvider#NAME_PROPERTY}.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface IntegrityProviderName {
    /** The provider's name: lower case letters, digits and dashes. */
    String value();
}
