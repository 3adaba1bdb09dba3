//! What anyone may read without signing in: published notices and guides marked public, and
//! nothing else — drafts, withdrawn or internal items answer 404, and the views carry no
//! audiences, owners or working copies (the HTTP layer's public DTOs have no such fields).

use std::path::PathBuf;

use uuid::Uuid;
use xiaoban_domain::notices::{Audience, NoticeState};
use xiaoban_domain::paging::{Page, PageRequest};
use xiaoban_persistence::notices::{guides, store};

use super::{GuideQuery, GuideView, NoticeView};
use crate::files::FileView;
use crate::{RequestContext, ServiceError, Services};

const NOTICE_NOT_FOUND: ServiceError = ServiceError::NotFound { entity: "notice" };
const GUIDE_NOT_FOUND: ServiceError = ServiceError::NotFound { entity: "guide" };

impl Services {
    /// Published public notices, pinned first, newest first.
    pub async fn public_notices(
        &self,
        keyword: Option<String>,
        request: &PageRequest,
    ) -> Result<Page<NoticeView>, ServiceError> {
        let filter = store::NoticeFilter {
            status: Some(NoticeState::Published),
            public_only: true,
            keyword,
            ..Default::default()
        };
        let page = store::list(self.db(), &filter, request).await?;
        Ok(page.map(|row| NoticeView::new(row, &Audience::All, None)))
    }

    /// One published public notice.
    pub async fn public_notice(&self, id: Uuid) -> Result<NoticeView, ServiceError> {
        let row = store::find(self.db(), id).await?.ok_or(NOTICE_NOT_FOUND)?;
        if !row.is_public || row.status != NoticeState::Published {
            return Err(NOTICE_NOT_FOUND);
        }
        Ok(NoticeView::new(row, &Audience::All, None))
    }

    /// Published public guides, as published.
    pub async fn public_guides(
        &self,
        query: GuideQuery,
        request: &PageRequest,
    ) -> Result<Page<GuideView>, ServiceError> {
        self.guide_page(
            GuideQuery {
                status: None,
                ..query
            },
            request,
            false,
            true,
        )
        .await
    }

    /// One published public guide, as published.
    pub async fn public_guide(&self, id: Uuid) -> Result<GuideView, ServiceError> {
        let row = guides::find(self.db(), id).await?.ok_or(GUIDE_NOT_FOUND)?;
        if !row.is_public || row.status != xiaoban_domain::notices::GuideState::Published {
            return Err(GUIDE_NOT_FOUND);
        }
        let current = guides::version(self.db(), id, row.published_version)
            .await?
            .ok_or(GUIDE_NOT_FOUND)?;
        let file = current.flowchart_file_id;
        let mut view = GuideView::published(row, &current);
        view.flowchart = self.flowchart_meta(file).await?;
        Ok(view)
    }

    /// The published flowchart of a public guide, with the path of its bytes.
    pub async fn public_guide_flowchart(&self, id: Uuid) -> Result<(FileView, PathBuf), ServiceError> {
        let guide = self.public_guide(id).await?;
        let file = guide
            .flowchart
            .ok_or(ServiceError::NotFound { entity: "flowchart" })?;
        self.file_content(&RequestContext::system(), file.id).await
    }
}
