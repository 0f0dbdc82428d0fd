//! A workbook together with everything the calculation derives from it. The window, the command
//! line, the report and the export all read this, so none of them recomputes on its own.

use super::{Assessment, Diagnosis, assess, diagnose};
use crate::domain::Workbook;

#[derive(Debug, Clone)]
pub struct Evaluated {
    pub workbook: Workbook,
    pub assessment: Assessment,
    pub diagnosis: Diagnosis,
}

impl Evaluated {
    pub fn new(workbook: Workbook) -> Evaluated {
        let assessment = assess(&workbook);
        let diagnosis = diagnose(&workbook, &assessment);
        Evaluated {
            workbook,
            assessment,
            diagnosis,
        }
    }

    /// Recomputes after `workbook` was changed in place.
    pub fn recalculate(&mut self) {
        self.assessment = assess(&self.workbook);
        self.diagnosis = diagnose(&self.workbook, &self.assessment);
    }
}
