/**
 * Who people are: roles (admins), profiles and the directory, and forget-me ({@link dev.rapport.people.ForgetMe}),
 * which publishes {@link dev.rapport.people.MemberForgotten}.
 */
@ApplicationModule(displayName = "People",
    allowedDependencies = {"slack", "store"})
package dev.rapport.people;

import org.springframework.modulith.ApplicationModule;
