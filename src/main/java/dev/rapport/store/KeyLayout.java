package dev.rapport.store;

import java.util.List;

/**
 * The key families one module writes, as its stores' Javadoc documents them, each with whom it can name
 * ({@link KeyFamily.Names}). Each module that keeps anything in Redis has one, on the bean that handles its
 * erasure: what it declares is what that module erases. The erasure tests hold the modules to it: a key no
 * family declares, a key naming a person in a family that says it names nobody, a person-naming family in a
 * module with no "member forgotten" handler, or a shared family naming workspaces in a module with no
 * "workspace uninstalled" handler each fail them.
 */
public interface KeyLayout {

  List<KeyFamily> keyFamilies();
}
