package dev.crossbuild.audit;

/** The executable file formats {@link BinaryAudit} recognises. */
public enum BinaryFormat {
  /** Linux and most other Unix systems. */
  ELF,
  /** macOS, thin or fat (universal). */
  MACH_O,
  /** Windows (PE/COFF behind an MZ stub). */
  PE
}
