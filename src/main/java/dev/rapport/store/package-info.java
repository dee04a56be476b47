/**
 * Redis: the connection (embedded, single node or cluster), key building ({@link dev.rapport.store.Keys}), Lua
 * scripts ({@link dev.rapport.store.LuaScript}), sealing secrets at rest ({@link dev.rapport.store.Sealer}) and
 * the key-family declarations every module makes ({@link dev.rapport.store.KeyLayout}). Depends on no other
 * module.
 */
@ApplicationModule(displayName = "Store",
    allowedDependencies = {})
package dev.rapport.store;

import org.springframework.modulith.ApplicationModule;
