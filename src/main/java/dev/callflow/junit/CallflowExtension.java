package dev.callflow.junit;

import dev.callflow.steps.Phone;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Method;

/**
 * Hands a {@link CallflowTest} a fresh {@link Phone} and judges it at the end like the suite's always-on monitor: a
 * rule broken and not declared ({@link Phone#ruleViolated}) fails the test, unless it already failed. The servers live
 * in the root store, one run per distinct annotation values, closed when the JVM's tests are done.
 */
public final class CallflowExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CallflowExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Phone.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        CallflowTest test = method.getAnnotation(CallflowTest.class);
        if (test == null) {
            throw new ParameterResolutionException("A Phone parameter needs the test annotated @CallflowTest (its iut, "
                    + "policy and seed): " + method);
        }
        String key = test.iut() + "|" + test.policy() + "|" + test.seed() + "|" + test.timing();
        CallflowRun run = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> CallflowRun.open(test), CallflowRun.class);
        PhoneSession session = run.newPhone(context.getRequiredTestClass().getName() + "#" + method.getName());
        context.getStore(NAMESPACE).put(PhoneSession.class, session);
        return session.phone();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PhoneSession session = context.getStore(NAMESPACE).remove(PhoneSession.class, PhoneSession.class);
        if (session == null) {
            return;
        }
        try (session) {
            if (context.getExecutionException().isEmpty()) {
                session.undeclaredViolations().ifPresent(found -> {
                    throw new AssertionError("The always-on rules found " + found);
                });
            }
        }
    }
}
