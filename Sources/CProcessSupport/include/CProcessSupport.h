#ifndef WHARF_C_PROCESS_SUPPORT_H
#define WHARF_C_PROCESS_SUPPORT_H

#include <spawn.h>

/// Opens a pipe whose ends are close-on-exec from the start, so a process spawned concurrently by
/// another thread can never inherit them (glibc declares pipe2 only under _GNU_SOURCE).
int wharf_pipe_cloexec(int fds[2]);

/// Makes a spawned child start in `directory` (glibc's posix_spawn_file_actions_addchdir_np).
int wharf_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *directory);

/// Makes a spawned child close every descriptor from `lowest` up (glibc 2.34+'s
/// posix_spawn_file_actions_addclosefrom_np), so that no descriptor of this process leaks into it.
int wharf_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int lowest);

#endif
