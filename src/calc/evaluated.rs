//! A workbook together with everything the calculation derives from it. The window, the command
//! line, the report and the export all read this, so none of them recomputes on its own.

use super::risk::assess_asset;
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

    /// Recomputes after the cells of the asset at `index` changed in place, and nothing else: the
    /// threats and media stay as they were, so only that asset is assessed again.
    pub fn reassess_asset(&mut self, index: usize) {
        let media = &self.assessment.media;
        let risk = assess_asset(&self.workbook.assets[index], |m| media[&m].clone());
        self.assessment.replace_asset(index, risk);
        self.diagnosis = diagnose(&self.workbook, &self.assessment);
    }

    /// Recomputes after `workbook` was changed in place.
    pub fn recalculate(&mut self) {
        self.assessment = assess(&self.workbook);
        self.diagnosis = diagnose(&self.workbook, &self.assessment);
    }
}
